"""E-mail goes through the task queue and out through a real SMTP server on loopback."""

import socket

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.handlers import Message
from django.core import mail
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult


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


def test_immediate_backend_delivers_over_smtp(settings, smtp_server):
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


def test_redis_backend_queues_mail_for_the_rq_worker(settings, smtp_server, redis_url, db):
    """With CIVICA_TASK_BACKEND=redis the same message goes through RQ on a real Redis."""
    controller, handler = smtp_server
    _use_real_pipeline(settings, controller)
    settings.CIVICA_TASK_BACKEND = "redis"
    settings.RQ_QUEUES = {name: {"URL": redis_url} for name in ("default", "email")}
    settings.TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default", "email"]}}
    mail.send_mail("Via Redis", "Body", "civica@test.example", ["rq@test.example"])
    assert handler.messages == []
    call_command("worker", burst=True)
    assert [m["To"] for m in handler.messages] == ["rq@test.example"]
