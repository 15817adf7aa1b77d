"""Login throttling that slows attackers down without locking users out.

Guesses count per (account, client address): an attacker at one address waits ever longer between
guesses, while the account's owner logs in from anywhere else. Behind a trusted reverse proxy the
client address comes from X-Forwarded-For. Attempts are counted before the password is checked, so
concurrent guesses through several servers get no more checks than the allowance. Unknown accounts
cost as much as wrong passwords, so answers do not tell which accounts exist.

The server sees each test's client at its own loopback address (127.0.0.x) or, behind the trusted
proxy, its own X-Forwarded-For address: the tests do not throttle one another.
"""
from __future__ import annotations

import statistics
import threading
import time
import unittest

from harness import PASSWORD, ApiTestCase, Client, Response, Server, skip_unless_database_available

LOGIN = "/api/v1/auth/login"
FREE_ATTEMPTS = 5  # per account and address, before delays start
FREE_ATTEMPTS_PER_ADDRESS = 50  # across accounts, from one address
FIRST_DELAY_SECONDS = 30


def attempt(client: Client, username: str, password: str, forwarded_for: str | None = None) -> Response:
    headers = {"X-Forwarded-For": forwarded_for} if forwarded_for else None
    r = client.request("POST", LOGIN, body={"username": username, "password": password}, headers=headers)
    if r.status == 200:
        client.csrf = r.json["csrf_token"]
    return r


class ThrottleAssertions(ApiTestCase):
    def assertThrottled(self, r: Response, most_seconds: int = FIRST_DELAY_SECONDS) -> None:
        self.assertError(r, 429, "too_many_requests")
        self.assertIn("retry-after", r.headers, r)
        self.assertTrue(r.headers["retry-after"].isdigit(), r.headers["retry-after"])
        self.assertGreaterEqual(int(r.headers["retry-after"]), 1)
        self.assertLessEqual(int(r.headers["retry-after"]), most_seconds)

    def guess_until_throttled(self, client: Client, username: str, forwarded_for: str | None = None) -> None:
        for n in range(FREE_ATTEMPTS):
            with self.subTest(guess=n):
                self.assertError(attempt(client, username, f"doan-sai-{n}", forwarded_for), 401,
                                 "invalid_credentials")
        self.assertThrottled(attempt(client, username, "doan-sai-nua", forwarded_for))


@skip_unless_database_available
class LoginThrottleTest(ThrottleAssertions):
    @classmethod
    def setUpClass(cls) -> None:
        super().setUpClass()
        cls.server2 = Server(cls.db)  # a second process on the same database

    @classmethod
    def tearDownClass(cls) -> None:
        cls.server2.stop()
        super().tearDownClass()

    def test_an_attacker_does_not_lock_the_owner_out(self):
        username = self.agency.usernames["consolidator"]
        attacker = Client(self.server, source_address="127.0.0.2")
        for n in range(FREE_ATTEMPTS):
            self.assertError(attempt(attacker, username, f"doan-sai-{n}"), 401, "invalid_credentials")

        owner = Client(self.server, source_address="127.0.0.3")
        r = attempt(owner, username, PASSWORD)
        self.assertEqual(r.status, 200, r)
        self.assertEqual(owner.get("/api/v1/me").status, 200)

        # The owner's success does not free the attacker, who now has to wait; even the right
        # password from there waits, so the attacker is not told it guessed right.
        self.assertThrottled(attempt(attacker, username, "doan-sai-tiep"))
        self.assertThrottled(attempt(attacker, username, PASSWORD))
        self.assertIsNone(attacker.cookie)
        r = attacker.request("POST", LOGIN, body={"username": username, "password": PASSWORD},
                             headers={"Accept-Language": "en"})
        self.assertError(r, 429, "too_many_requests", lang="en")
        self.assertIn("retry-after", r.headers)

    def test_concurrent_guesses_through_two_servers_check_no_more_than_allowed(self):
        username = self.agency.usernames["transport_head"]
        guesses = 40
        barrier = threading.Barrier(guesses)
        answers: list = [None] * guesses

        def guess(i: int) -> None:
            try:
                client = Client((self.server, self.server2)[i % 2], source_address="127.0.0.4")
                barrier.wait(timeout=60)
                answers[i] = attempt(client, username, f"doan-song-song-{i}")
            except Exception as e:  # reported below, not lost in the thread
                answers[i] = e

        threads = [threading.Thread(target=guess, args=(i,), daemon=True) for i in range(guesses)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(120)
        self.assertFalse(any(t.is_alive() for t in threads), "the guesses did not finish in time")
        for a in answers:
            if isinstance(a, Exception):
                raise a
        statuses = [a.status for a in answers]
        # A 401 is a password that was checked; a 429 one that was not.
        self.assertEqual((statuses.count(401), statuses.count(429)), (FREE_ATTEMPTS, guesses - FREE_ATTEMPTS),
                         statuses)
        for a in answers:
            if a.status == 429:
                self.assertIn("retry-after", a.headers, a)
        # The owner, elsewhere, is unaffected.
        owner = Client(self.server2, source_address="127.0.0.5")
        self.assertEqual(attempt(owner, username, PASSWORD).status, 200)

    def test_unknown_accounts_cost_as_much_as_wrong_passwords(self):
        # Interleaved, so that both kinds meet the same load on the machine; each from its own
        # address, so that none is throttled. A ratio of medians, not a time: the machine is busy.
        known = self.agency.usernames["viewer"]
        unknown_costs, known_costs = [], []
        for n in range(5):
            for username, costs in ((f"khong.ton.tai.{n}", unknown_costs), (known, known_costs)):
                client = Client(self.server, source_address=f"127.0.1.{n + 1}")
                started = time.perf_counter()
                r = attempt(client, username, "mat-khau-sai-123")
                costs.append(time.perf_counter() - started)
                self.assertError(r, 401, "invalid_credentials")
        unknown, known_wrong = statistics.median(unknown_costs), statistics.median(known_costs)
        self.assertGreaterEqual(unknown, known_wrong / 3,
                                f"unknown account {unknown * 1000:.1f} ms, wrong password {known_wrong * 1000:.1f} ms")


@skip_unless_database_available
class TrustedProxyThrottleTest(ThrottleAssertions):
    """The server behind a reverse proxy on 127.0.0.1: every request comes from the proxy's address,
    and the proxy names the real client in X-Forwarded-For."""

    @classmethod
    def setUpClass(cls) -> None:
        super().setUpClass()
        cls.server.stop()
        cls.server = Server(cls.db, "--trusted-proxy", "127.0.0.1")

    def test_an_attacker_behind_the_proxy_does_not_lock_out_others_behind_it(self):
        username = self.agency.usernames["director"]
        attacker = Client(self.server)
        self.guess_until_throttled(attacker, username, forwarded_for="203.0.113.5")
        self.assertThrottled(attempt(attacker, username, PASSWORD, forwarded_for="203.0.113.5"))
        # Whatever the attacker writes into the header, the proxy appends the address it saw.
        self.assertThrottled(attempt(attacker, username, PASSWORD, forwarded_for="198.51.100.7, 203.0.113.5"))

        colleague = Client(self.server)
        r = attempt(colleague, username, PASSWORD, forwarded_for="198.51.100.7")
        self.assertEqual(r.status, 200, r)
        self.assertEqual(colleague.get("/api/v1/me").status, 200)
        # A client that is not the proxy cannot name an address: its own is used.
        direct = Client(self.server, source_address="127.0.0.9")
        r = attempt(direct, username, PASSWORD, forwarded_for="203.0.113.5")
        self.assertEqual(r.status, 200, r)

    def test_guesses_across_many_accounts_from_one_address_are_limited(self):
        sprayer = Client(self.server)
        address = "203.0.113.77"
        for n in range(FREE_ATTEMPTS_PER_ADDRESS):
            r = attempt(sprayer, f"tai.khoan.{n}", "mat-khau-pho-bien", forwarded_for=address)
            self.assertEqual(r.status, 401, (n, r))
        self.assertThrottled(attempt(sprayer, "tai.khoan.cuoi", "mat-khau-pho-bien", forwarded_for=address))
        self.assertThrottled(attempt(sprayer, self.agency.usernames["infra_head"], PASSWORD, forwarded_for=address))
        r = attempt(Client(self.server), self.agency.usernames["infra_head"], PASSWORD, forwarded_for="198.51.100.8")
        self.assertEqual(r.status, 200, r)


if __name__ == "__main__":
    unittest.main()
