"""E-mail goes through the task queue and out through a real SMTP server on loopback; the queue holds
ids only (the message is sealed apart), nothing of a message reaches stdout or a log, and finished
task rows are purged."""

import socket

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.handlers import Message
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from civica.core.jobs import task_results_purge
from civica.core.models import OutgoingEmail


class Collector(Message):
    def __init__(self):
        super().__init__()
        self.messages = []

    def handle_message(self, message):
        self.messages.append(message)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def smtp_server():
    handler = Collector()
    controller = Controller(handler, hostname="127.0.0.1", port=_free_port())
    controller.start()
    yield controller, handler
    controller.stop()


def _use_real_pipeline(settings, controller):
    settings.EMAIL_BACKEND = "civica.core.mail.TaskQueueEmailBackend"
    settings.CIVICA_EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = controller.hostname, controller.port


def test_immediate_backend_delivers_over_smtp(settings, smtp_server, db):
    controller, handler = smtp_server
    _use_real_pipeline(settings, controller)
    message = mail.EmailMultiAlternatives("Invitație", "Bună ziua", "civica@test.example", ["ana@test.example"])
    message.attach_alternative("<p>Bună ziua</p>", "text/html")
    message.attach("minuta.txt", "conținut", "text/plain")
    assert message.send() == 1
    assert len(handler.messages) == 1
    received = handler.messages[0]
    assert received["To"] == "ana@test.example"
    assert "Invita" in str(received["Subject"])
    parts = [part.get_content_type() for part in received.walk()]
    assert "text/html" in parts and "text/plain" in parts


@pytest.mark.django_db(transaction=True)
def test_database_queue_holds_mail_until_the_worker_sends_it(settings, smtp_server):
    """With the database backend a message waits in the queue; `civica worker --burst` delivers it."""
    controller, handler = smtp_server
    _use_real_pipeline(settings, controller)
    # Changing TASKS makes django-tasks rebuild its backends (its setting_changed receiver).
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default", "email"]}}
    mail.send_mail("Queued", "Body", "civica@test.example", ["queue@test.example"])
    assert DBTaskResult.objects.filter(status="READY").count() == 1
    assert handler.messages == []
    call_command("worker", burst=True)
    assert [m["To"] for m in handler.messages] == ["queue@test.example"]
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"


@pytest.fixture
def redis_url():
    import redis

    url = "redis://127.0.0.1:6379/15"
    connection = redis.Redis.from_url(url)
    try:
        connection.ping()
    except redis.ConnectionError:
        import os

        if os.environ.get("CI") == "true":
            pytest.fail("Redis is required in CI at 127.0.0.1:6379")
        pytest.skip("Redis is not running at 127.0.0.1:6379")
    connection.flushdb()
    yield url
    connection.flushdb()


def test_redis_backend_queues_mail_for_the_rq_worker(settings, smtp_server, redis_url, transactional_db):
    """With CIVICA_TASK_BACKEND=redis the same message goes through RQ on a real Redis. Transactional:
    the RQ work horse is another process, which reads the stored message over its own connection."""
    controller, handler = smtp_server
    _use_real_pipeline(settings, controller)
    settings.CIVICA_TASK_BACKEND = "redis"
    settings.RQ_QUEUES = {name: {"URL": redis_url} for name in ("default", "email")}
    settings.TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default", "email"]}}
    mail.send_mail("Via Redis", "Body", "civica@test.example", ["rq@test.example"])
    assert handler.messages == []
    call_command("worker", burst=True)
    assert [m["To"] for m in handler.messages] == ["rq@test.example"]


SECRET_BODY = "Mi chiamo Giulia e a casa mi picchiano"
SECRET_SUBJECT = "Aiuto per Giulia"
SECRET_ADDRESS = "giulia.14@example.org"


def _send_secret():
    mail.send_mail(SECRET_SUBJECT, SECRET_BODY, "ascolto@sos.example", [SECRET_ADDRESS])


def _raw(sql):
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return repr(cursor.fetchall())


@pytest.mark.django_db(transaction=True)
def test_the_queue_holds_ids_only_and_the_message_is_sealed_apart(settings, smtp_server):
    """args_kwargs carries the stored message's id, never the body, subject or address; the stored
    message is encrypted in its table and deleted once the worker has sent it."""
    controller, handler = smtp_server
    _use_real_pipeline(settings, controller)
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default", "email"]}}
    _send_secret()
    queued = _raw("SELECT args_kwargs FROM django_tasks_database_dbtaskresult")
    stored = _raw("SELECT message FROM core_outgoingemail")
    for secret in (SECRET_BODY, SECRET_SUBJECT, SECRET_ADDRESS, "Giulia"):
        assert secret not in queued and secret not in stored
    assert str(OutgoingEmail.objects.get().uuid) in queued
    call_command("worker", burst=True)
    assert [m["To"] for m in handler.messages] == [SECRET_ADDRESS]
    assert not OutgoingEmail.objects.exists()
    assert "Giulia" not in _raw("SELECT args_kwargs, return_value FROM django_tasks_database_dbtaskresult")


def test_no_message_reaches_stdout_or_a_log_with_the_default_console_backend(settings, db, capsys, caplog):
    """The default delivery backend says that a message left, never its body, subject or address."""
    settings.EMAIL_BACKEND = "civica.core.mail.TaskQueueEmailBackend"
    settings.CIVICA_EMAIL_DELIVERY_BACKEND = "civica.core.mail.RedactedConsoleEmailBackend"
    caplog.set_level("DEBUG")
    _send_secret()
    out = capsys.readouterr()
    printed = out.out + out.err + caplog.text
    assert "[e-mail] one message to 1 recipient(s)" in printed
    for secret in (SECRET_BODY, SECRET_SUBJECT, SECRET_ADDRESS, "Giulia"):
        assert secret not in printed


@pytest.mark.django_db
def test_finished_task_rows_are_purged_after_the_configured_time(settings):
    """Rows that finished before the retention period go; recent and waiting ones stay."""
    settings.CIVICA_TASK_RESULT_RETENTION_DAYS = 7
    now = timezone.now()
    common = {"args_kwargs": {"args": ["x"], "kwargs": {}}, "task_path": "t", "backend_name": "default"}
    old = DBTaskResult.objects.create(
        status="SUCCESSFUL", finished_at=now - timezone.timedelta(days=8), run_after=now, **common
    )
    failed = DBTaskResult.objects.create(
        status="FAILED", finished_at=now - timezone.timedelta(days=9), run_after=now, **common
    )
    recent = DBTaskResult.objects.create(
        status="SUCCESSFUL", finished_at=now - timezone.timedelta(days=6), run_after=now, **common
    )
    waiting = DBTaskResult.objects.create(status="READY", run_after=now, **common)
    assert task_results_purge(now) == 2
    assert set(DBTaskResult.objects.values_list("pk", flat=True)) == {recent.pk, waiting.pk}
    assert not DBTaskResult.objects.filter(pk__in=[old.pk, failed.pk]).exists()
