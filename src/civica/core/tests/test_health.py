"""The health check answers when the database does, and accepts no writes."""


def test_health_answers_when_the_database_does(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


def test_health_refuses_writes(client, db):
    assert client.post("/healthz").status_code == 405
