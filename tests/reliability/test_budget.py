"""Per-client budgets: too many queries at once, or too much query time in a window, is answered 429 with
Retry-After, for that client only."""

from __future__ import annotations

import threading
import time

import pytest

from ascenso_kg.server.sparql.budget import ClientBudgets, OverBudget
from tests.reliability.hostile import HOSTILE

RUNAWAY = HOSTILE["cartesian product"]
QUICK = "ASK { ?s ?p ?o }"


class FakeClock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def spend(budgets: ClientBudgets, client: str, clock: FakeClock, seconds: float) -> None:
    with budgets.spend(client):
        clock.now += seconds


def test_a_client_over_its_concurrency_is_refused_with_retry_after_1():
    budgets = ClientBudgets(concurrent=2, seconds=10, window=60, clock=FakeClock())
    with budgets.spend("a"), budgets.spend("a"):
        with pytest.raises(OverBudget) as refused:
            with budgets.spend("a"):
                pass
        with budgets.spend("b"):  # another client is not held up
            pass
    assert refused.value.status == 429 and refused.value.retry_after == 1
    with budgets.spend("a"):  # once one finished, the client may run again
        pass


def test_a_client_that_spent_its_time_waits_until_the_window_gives_a_second_back():
    clock = FakeClock()
    budgets = ClientBudgets(concurrent=4, seconds=10, window=60, clock=clock)
    spend(budgets, "a", clock, 9.5)
    with pytest.raises(OverBudget) as refused:
        spend(budgets, "a", clock, 0)
    assert refused.value.retry_after == 3  # 0.5 s is missing, at 10 s per 60 s
    assert "10 s every 60 s" in refused.value.message
    spend(budgets, "b", clock, 0.1)
    clock.now += 3
    spend(budgets, "a", clock, 0.1)


def test_a_query_is_charged_at_most_the_time_limit():
    clock = FakeClock()
    budgets = ClientBudgets(concurrent=1, seconds=10, window=60, clock=clock)
    with budgets.spend("a", at_most=2.0):
        clock.now += 7  # the limit stopped it at 2 s; killing it and a busy machine took the rest
    assert budgets.balance("a") == 8


def test_the_balance_never_grows_past_the_budget_and_idle_clients_are_forgotten():
    clock = FakeClock()
    budgets = ClientBudgets(concurrent=1, seconds=5, window=10, clock=clock)
    spend(budgets, "a", clock, 1)
    clock.now += 1000
    assert budgets.balance("a") == 5
    spend(budgets, "b", clock, 0)
    assert set(budgets._accounts) == {"a", "b"}
    clock.now += 10
    spend(budgets, "c", clock, 0)  # a new client sweeps the idle ones
    assert set(budgets._accounts) == {"c"}


@pytest.mark.parametrize("settings", [{"BUDGET_CONCURRENT": 0}, {"BUDGET_SECONDS": 0}, {"BUDGET_WINDOW": -1}])
def test_a_budget_that_allows_nothing_is_a_configuration_error(make_app, built, settings):
    with pytest.raises(ValueError, match="BUDGET_"):
        make_app(built, **settings)


@pytest.fixture(scope="module")
def budget_app(make_app, built):
    # No answer cache: a repeated GET answered from it runs no query and spends no budget; here each one must run.
    return make_app(built, QUERY_TIMEOUT=1.0, QUERY_WORKERS=2, BUDGET_CONCURRENT=1, BUDGET_SECONDS=1.5,
                    BUDGET_WINDOW=60, ANSWER_CACHE_BYTES=0)


def ask(app, address: str, query: str):
    return app.test_client().get("/sparql", query_string={"query": query}, environ_base={"REMOTE_ADDR": address})


def test_a_client_that_used_its_time_gets_429_and_the_others_go_on(budget_app):
    assert ask(budget_app, "127.0.0.61", RUNAWAY).status_code == 504
    refused = ask(budget_app, "127.0.0.61", QUICK)
    assert refused.status_code == 429
    assert 1 <= int(refused.headers["Retry-After"]) <= 60
    assert "query time" in refused.get_data(as_text=True)
    assert ask(budget_app, "127.0.0.62", QUICK).status_code == 200


def test_a_second_query_at_once_from_one_client_gets_429(budget_app):
    pool = budget_app.extensions["ascenso_kg.store"].pool
    pool.warm_up()
    runaway = threading.Thread(target=ask, args=(budget_app, "127.0.0.63", RUNAWAY))
    runaway.start()
    deadline = time.monotonic() + 5
    while pool.idle_workers == pool.size and time.monotonic() < deadline:
        time.sleep(0.01)
    refused = ask(budget_app, "127.0.0.63", QUICK)
    runaway.join()
    assert refused.status_code == 429 and refused.headers["Retry-After"] == "1"
    assert "at the same time" in refused.get_data(as_text=True)
