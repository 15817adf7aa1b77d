"""Optimistic concurrency over HTTP and no lost update with two `giaoban serve` processes on one
database: If-Match rules, racing edits, racing progress reports and racing one-time actions.
"""
import threading
import time
import unittest
import urllib.parse

from harness import ApiTestCase, Client, Server, skip_unless_database_available

TASKS = "/api/v1/tasks"
THREADS = 8
BUDGET_SECONDS = 90  # for each racing test; normally a few seconds


def etag_version(r) -> int:
    return int(r.headers["etag"].strip('"'))


@skip_unless_database_available
class ConcurrencyTest(ApiTestCase):
    @classmethod
    def setUpClass(cls) -> None:
        super().setUpClass()
        cls.server2 = Server(cls.db)  # a second process on the same database

    @classmethod
    def tearDownClass(cls) -> None:
        cls.server2.stop()
        super().tearDownClass()

    def setUp(self) -> None:
        self.director = self.session("director")
        if "source_id" not in self.__class__.__dict__:
            self.__class__.source_id = self.create_source(self.director, "ad_hoc", "Công văn số 2345/UBND-KTN")

    def clients(self, role: str) -> list[Client]:
        """One client per server, sharing the role's session: sessions live in the database."""
        base = self.session(role)
        out = []
        for server in (self.server, self.server2):
            c = Client(server)
            c.cookie, c.csrf = base.cookie, base.csrf
            out.append(c)
        return out

    def new_task(self, title: str) -> dict:
        return self.create_task(self.director, self.source_id, self.agency.infra, title,
                                assigned_on="2023-08-01", deadline="2023-08-31")

    def history(self, tid: int) -> list[dict]:
        r = self.director.get(f"{TASKS}/{tid}/history")
        self.assertEqual(r.status, 200, r)
        return r.json["items"]

    def race(self, work, threads: int = THREADS) -> list:
        """Runs work(i) in `threads` threads released together; returns their results in order."""
        barrier = threading.Barrier(threads)
        results: list = [None] * threads

        def run(i: int) -> None:
            try:
                barrier.wait(timeout=30)
                results[i] = work(i)
            except Exception as e:  # reported by the test, not lost in a thread
                results[i] = e

        pool = [threading.Thread(target=run, args=(i,), daemon=True) for i in range(threads)]
        for t in pool:
            t.start()
        for t in pool:
            t.join(BUDGET_SECONDS)
        self.assertFalse(any(t.is_alive() for t in pool), "racing threads did not finish in time")
        for r in results:
            if isinstance(r, Exception):
                raise r
        return results

    # --- If-Match --------------------------------------------------------------------------------

    def test_if_match_is_required_and_checked(self):
        task = self.new_task("Sửa có điều kiện")
        tid = task["id"]
        got = self.director.get(f"{TASKS}/{tid}")
        self.assertEqual(etag_version(got), got.json["version"])
        v = got.json["version"]

        self.assertError(self.director.patch(f"{TASKS}/{tid}", {"title": "Không có If-Match"}), 428,
                         "precondition_required")
        self.assertError(self.director.patch(f"{TASKS}/{tid}", {"title": "x"}, headers={"Accept-Language": "en"}),
                         428, "precondition_required", lang="en")
        for stale in (f'"{v - 1}"', f'"{v + 1}"', '"0"', '"abc"', "*", '""', f'"{v}", "{v + 1}"'):
            with self.subTest(if_match=stale):
                r = self.director.patch(f"{TASKS}/{tid}", {"title": "Bản cũ"}, headers={"If-Match": stale})
                self.assertError(r, 412, "precondition_failed")
        unchanged = self.director.get(f"{TASKS}/{tid}")
        self.assertEqual(unchanged.json["title"], "Sửa có điều kiện")
        self.assertEqual(unchanged.json["version"], v)
        self.assertEqual([e["action"] for e in self.history(tid)], ["created"])

        ok = self.director.patch(f"{TASKS}/{tid}", {"title": "Đã sửa"}, version=v)
        self.assertEqual(ok.status, 200, ok)
        self.assertEqual(etag_version(ok), v + 1)
        self.assertEqual(ok.json["version"], v + 1)
        # The version just used is now stale, on either server; a weak tag of the current one works.
        second = self.clients("director")[1]
        self.assertError(second.patch(f"{TASKS}/{tid}", {"title": "Lần hai"}, version=v), 412, "precondition_failed")
        weak = second.patch(f"{TASKS}/{tid}", {"title": "Lần hai"}, headers={"If-Match": f'W/"{v + 1}"'})
        self.assertEqual(weak.status, 200, weak)
        self.assertEqual(etag_version(weak), v + 2)
        self.assertEqual([e["action"] for e in self.history(tid)], ["created", "updated", "updated"])
        # Sources follow the same rule.
        src = self.director.get(f"/api/v1/sources/{self.source_id}")
        self.assertError(self.director.patch(f"/api/v1/sources/{self.source_id}", {"summary": "x"}), 428)
        self.assertError(self.director.patch(f"/api/v1/sources/{self.source_id}", {"summary": "x"},
                                             version=etag_version(src) + 5), 412)
        r = self.director.patch(f"/api/v1/sources/{self.source_id}", {"summary": "Tóm tắt"},
                                version=etag_version(src))
        self.assertEqual(r.status, 200, r)
        self.assertEqual(etag_version(r), etag_version(src) + 1)

    # --- racing edits ----------------------------------------------------------------------------

    def test_concurrent_edits_through_two_servers_lose_nothing(self):
        task = self.new_task("Sửa đồng thời")
        tid, v0 = task["id"], task["version"]
        servers = self.clients("director")
        attempts = 20
        deadline = time.monotonic() + BUDGET_SECONDS

        def work(i: int) -> dict:
            done, conflicts, unexpected = [], 0, []
            for a in range(attempts):
                value = f"Luồng {i} lần {a}"
                while time.monotonic() < deadline:
                    c = servers[(i + a + conflicts) % 2]  # read and write through either process
                    got = c.get(f"{TASKS}/{tid}")
                    if got.status != 200:
                        unexpected.append(got)
                        break
                    version = etag_version(got)
                    r = servers[(i + a + conflicts + 1) % 2].patch(f"{TASKS}/{tid}", {"content": value},
                                                                   version=version)
                    if r.status == 200:
                        if etag_version(r) != version + 1:
                            unexpected.append(r)
                        done.append(value)
                        break
                    if r.status == 412:
                        conflicts += 1
                        continue
                    unexpected.append(r)
                    break
            return {"done": done, "conflicts": conflicts, "unexpected": unexpected}

        results = self.race(work)
        unexpected = [r for res in results for r in res["unexpected"]]
        self.assertEqual(unexpected, [], "every answer is 200 or 412")
        done = [v for res in results for v in res["done"]]
        self.assertEqual(len(done), THREADS * attempts, "not every attempt got through in the time budget")

        final = self.director.get(f"{TASKS}/{tid}").json
        self.assertEqual(final["version"] - v0, len(done), "successful PATCHes == version increments")
        edits = [e for e in self.history(tid) if e["action"] == "updated"]
        self.assertEqual(len(edits), len(done))
        self.assertEqual(sorted(e["after"]["content"] for e in edits), sorted(done))
        # Each edit started from the one before it: versions form an unbroken chain.
        self.assertEqual([e["after"]["version"] for e in edits], list(range(v0 + 1, v0 + 1 + len(done))))
        self.assertEqual([e["before"]["version"] for e in edits], list(range(v0, v0 + len(done))))
        for previous, edit in zip(edits, edits[1:]):
            self.assertEqual(edit["before"]["content"], previous["after"]["content"])
        self.assertEqual(final["content"], edits[-1]["after"]["content"])

    def test_concurrent_progress_reports_through_two_servers_all_land(self):
        task = self.new_task("Báo cáo đồng thời")
        tid, v0 = task["id"], task["version"]
        heads = self.clients("infra_head")
        per_thread = 10

        def work(i: int) -> list:
            answers = []
            for n in range(per_thread):
                r = heads[(i + n) % 2].post(f"{TASKS}/{tid}/updates", {
                    "reported_on": "2023-08-10", "body": f"Tiến độ {i}-{n}", "percent": (i * per_thread + n) % 101})
                answers.append((f"Tiến độ {i}-{n}", r))
            return answers

        answers = [a for res in self.race(work) for a in res]
        failed = [r for _, r in answers if r.status != 201]
        self.assertEqual(failed, [], "every progress report is accepted")
        final = self.director.get(f"{TASKS}/{tid}").json
        self.assertEqual(sorted(u["body"] for u in final["updates"]), sorted(b for b, _ in answers))
        self.assertEqual(final["version"] - v0, len(answers))
        reported = [e for e in self.history(tid) if e["action"] == "progress_reported"]
        self.assertEqual(len(reported), len(answers))
        self.assertEqual([e["after"]["version"] for e in reported], list(range(v0 + 1, v0 + 1 + len(answers))))

    # --- racing one-time actions -----------------------------------------------------------------

    def test_racing_completions_have_exactly_one_winner(self):
        heads = self.clients("infra_head")
        for round_ in range(4):
            task = self.new_task(f"Hoàn thành đồng thời {round_}")
            tid = task["id"]
            dates = [f"2023-08-{10 + i:02d}" for i in range(THREADS)]
            answers = self.race(lambda i: heads[i % 2].post(f"{TASKS}/{tid}/complete", {"completed_on": dates[i]}))
            with self.subTest(round=round_):
                winners = [i for i, r in enumerate(answers) if r.status == 200]
                self.assertEqual(len(winners), 1, [r.status for r in answers])
                for r in answers:
                    if r.status != 200:
                        self.assertError(r, 409, "task_already_completed")
                final = self.director.get(f"{TASKS}/{tid}").json
                self.assertEqual(final["completed_on"], dates[winners[0]])
                self.assertEqual([e["action"] for e in self.history(tid)].count("completed"), 1)

    def test_racing_extension_decisions_have_exactly_one_winner(self):
        directors = self.clients("director")
        for round_ in range(4):
            task = self.new_task(f"Quyết định gia hạn đồng thời {round_}")
            tid = task["id"]
            r = self.session("infra_head").post(f"{TASKS}/{tid}/extensions",
                                                {"requested_on": "2023-08-10", "requested_deadline": "2023-09-30",
                                                 "reason": "Chờ vốn"})
            self.assertEqual(r.status, 201, r)
            ext = r.json["extensions"][0]["id"]
            decisions = ["approved" if i % 2 == 0 else "refused" for i in range(THREADS)]
            answers = self.race(lambda i: directors[i % 2].post(
                f"{TASKS}/{tid}/extensions/{ext}/decision",
                {"decision": decisions[i], "decided_on": "2023-08-20", "note": f"Quyết định {i}"}))
            with self.subTest(round=round_):
                winners = [i for i, r in enumerate(answers) if r.status == 200]
                self.assertEqual(len(winners), 1, [r.status for r in answers])
                for r in answers:
                    if r.status != 200:
                        self.assertError(r, 409, "extension_not_pending")
                final = self.director.get(f"{TASKS}/{tid}").json
                self.assertEqual(final["extensions"][0]["state"], decisions[winners[0]])
                self.assertEqual(final["extensions"][0]["decision_note"], f"Quyết định {winners[0]}")
                actions = [e["action"] for e in self.history(tid)]
                self.assertEqual(actions.count("extension_approved") + actions.count("extension_refused"), 1)

    def test_racing_extension_requests_leave_one_pending(self):
        heads = self.clients("infra_head")
        for round_ in range(4):
            task = self.new_task(f"Đề nghị gia hạn đồng thời {round_}")
            tid = task["id"]
            answers = self.race(lambda i: heads[i % 2].post(
                f"{TASKS}/{tid}/extensions", {"requested_deadline": f"2023-09-{10 + i:02d}", "reason": f"Lý do {i}"}))
            with self.subTest(round=round_):
                self.assertEqual(sum(r.status == 201 for r in answers), 1, [r.status for r in answers])
                for r in answers:
                    if r.status != 201:
                        self.assertError(r, 409)
                final = self.director.get(f"{TASKS}/{tid}").json
                self.assertEqual([e["state"] for e in final["extensions"]], ["pending"])

    def test_racing_answers_to_one_explanation_keep_the_first(self):
        heads = self.clients("infra_head")
        task = self.new_task("Giải trình đồng thời")
        tid = task["id"]
        r = self.director.post(f"{TASKS}/{tid}/explanations", {"question": "Vì sao chậm?"})
        self.assertEqual(r.status, 201, r)
        xid = r.json["explanations"][0]["id"]
        answers = self.race(lambda i: heads[i % 2].post(f"{TASKS}/{tid}/explanations/{xid}/answer",
                                                        {"answer": f"Trả lời {i}"}))
        winners = [i for i, r in enumerate(answers) if r.status == 200]
        self.assertEqual(len(winners), 1, [r.status for r in answers])
        final = self.director.get(f"{TASKS}/{tid}").json
        self.assertEqual(final["explanations"][0]["answer"], f"Trả lời {winners[0]}")
        self.assertEqual([e["action"] for e in self.history(tid)].count("explanation_answered"), 1)

    # --- racing PATCHes of every resource, and the values copied between rows -----------------------

    def race_one_version(self, role: str, path: str, bodies, read=None) -> tuple[list, dict]:
        """PATCHes `path` from THREADS threads through both servers, all with the same If-Match;
        `read(client)` returns the resource as JSON (by default a GET of `path`)."""
        servers = self.clients(role)
        read = read or (lambda c: c.get(path).json)
        version = read(servers[0])["version"]
        answers = self.race(lambda i: servers[i % 2].patch(path, bodies(i), version=version))
        winners = [i for i, r in enumerate(answers) if r.status == 200]
        self.assertEqual(len(winners), 1, [r.status for r in answers])
        for r in answers:
            if r.status != 200:
                self.assertError(r, 412, "precondition_failed")
        after = read(servers[1])
        self.assertEqual(after["version"], version + 1)
        return winners, after

    def test_racing_person_edits_have_exactly_one_winner(self):
        person = self.person_of("infra_specialist")

        def read(c):
            items = c.get(f"/api/v1/people?organization_id={self.agency.infra}").json["items"]
            return next(p for p in items if p["id"] == person)

        for round_ in range(5):
            with self.subTest(round=round_):
                winners, after = self.race_one_version(
                    "admin", f"/api/v1/people/{person}",
                    lambda i: {"position": f"Chuyên viên chính {round_}-{i}", "active": True}, read)
                self.assertEqual(after["position"], f"Chuyên viên chính {round_}-{winners[0]}")

    def test_racing_source_and_organization_edits_have_exactly_one_winner(self):
        for round_ in range(3):
            with self.subTest(resource="source", round=round_):
                winners, after = self.race_one_version(
                    "director", f"/api/v1/sources/{self.source_id}",
                    lambda i: {"summary": f"Tóm tắt {round_}-{i}"})
                self.assertEqual(after["summary"], f"Tóm tắt {round_}-{winners[0]}")
            with self.subTest(resource="organization", round=round_):
                winners, after = self.race_one_version(
                    "admin", f"/api/v1/organizations/{self.agency.transport}",
                    lambda i: {"name": f"Phòng Quản lý vận tải {round_}-{i}"})
                self.assertEqual(after["name"], f"Phòng Quản lý vận tải {round_}-{winners[0]}")

    def test_a_source_and_its_tasks_edited_at_once_keep_the_copied_kind(self):
        """Tasks carry their source's kind and number; editing both at once must not leave an old copy."""
        sid = self.create_source(self.director, "key_program", "Chương trình trọng tâm 2023")
        tasks = [self.create_task(self.director, sid, self.agency.infra, f"Nhiệm vụ sao chép {i}",
                                  assigned_on="2023-08-01", deadline="2023-08-31")["id"] for i in range(4)]
        directors = self.clients("director")
        kinds = ["ad_hoc", "key_program"]
        for round_ in range(10):
            kind, number = kinds[round_ % 2], f"{100 + round_}/QĐ-UBND"
            src_version = etag_version(directors[0].get(f"/api/v1/sources/{sid}"))
            task_versions = {t: etag_version(directors[1].get(f"{TASKS}/{t}")) for t in tasks}

            def work(i: int):
                if i == 0:
                    return directors[0].patch(f"/api/v1/sources/{sid}", {"kind": kind, "doc_number": number},
                                              version=src_version)
                t = tasks[i - 1]
                return directors[i % 2].patch(f"{TASKS}/{t}", {"content": f"Vòng {round_}"},
                                              version=task_versions[t])

            answers = self.race(work, threads=len(tasks) + 1)
            self.assertEqual([r.status for r in answers], [200] * (len(tasks) + 1))
            with self.subTest(round=round_):
                listed = self.director.get(f"{TASKS}?source={sid}&source_kind={kind}&page_size=100")
                self.assertEqual(sorted(t["id"] for t in listed.json["items"]), sorted(tasks),
                                 "every task is found under its source's kind")
                searched = self.director.get(f"{TASKS}?source={sid}&q={urllib.parse.quote(number)}")
                self.assertEqual(searched.json["total"], len(tasks), "every task is found by the source's number")


if __name__ == "__main__":
    unittest.main()
