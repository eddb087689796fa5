import time
from .conftest import sign_in, axe_violations, format_violations, url

def test_smoke(page, live_server, demo_world):
    t=time.time()
    page.goto(url(live_server, "/en/"))
    print(time.time()-t)
    print(format_violations(axe_violations(page)))
    sign_in(page, live_server, "ana.popescu@amr.example", demo_world[1])
    print(page.url)
    print(format_violations(axe_violations(page)))
