"""The figures a monthly briefing reads out, each in one request, and filters that say what they count.

"02/02 nhiệm vụ trọng tâm của UBND tỉnh" needs the source kind and the key flag together; a unit's
figures must be able to count only the tasks it leads, so that the units' rows add up to the total;
the figures of a reporting period are the consolidated report's, each with the list of its tasks;
and a wrong filter value is answered with the values that would have been right.
"""
from __future__ import annotations

import unittest

from harness import ApiTestCase, skip_unless_database_available

TASKS = "/api/v1/tasks"
STATS = "/api/v1/stats"
AS_OF = "2023-09-30"


@skip_unless_database_available
class BriefingFiguresTest(ApiTestCase):
    @classmethod
    def setUpClass(cls) -> None:
        super().setUpClass()
        t = cls()
        director = t.session("director")
        a = cls.agency
        program = t.create_source(director, "higher_program", "Chương trình công tác UBND tỉnh 2023")
        ad_hoc = t.create_source(director, "ad_hoc", "Công văn 512/UBND-KTN")

        def task(source, lead, title, key=False, cooperators=(), done=None):
            tid = t.create_task(director, source, lead, title, is_key=key, cooperator_ids=list(cooperators),
                                assigned_on="2023-08-01", deadline="2023-08-31")["id"]
            if done:
                r = director.post(f"{TASKS}/{tid}/complete", {"completed_on": done})
                assert r.status == 200, r
            return tid

        cls.program_key = [task(program, a.infra, "Trọng tâm 1", key=True, done="2023-08-20"),
                           task(program, a.transport, "Trọng tâm 2", key=True, done="2023-09-05")]
        cls.program_other = [task(program, a.infra, "Thường 1")]
        cls.ad_hoc = [task(ad_hoc, a.transport, "Đột xuất 1", done="2023-08-10"),
                      task(ad_hoc, a.transport, "Đột xuất có phối hợp", cooperators=[a.infra]),
                      task(ad_hoc, a.planning, "Đột xuất 3", key=True)]

    def setUp(self) -> None:
        self.director = self.session("director")

    def stats(self, query: str) -> dict:
        r = self.director.get(f"{STATS}?as_of={AS_OF}&{query}")
        self.assertEqual(r.status, 200, r)
        return r.json

    def listed(self, url: str) -> list[int]:
        r = self.director.get(url + "&page_size=200")
        self.assertEqual(r.status, 200, r)
        return sorted(t["id"] for t in r.json["items"])

    def test_source_kind_and_key_flag_together_in_one_answer(self):
        st = self.stats("")
        groups = {g["key"]: g for g in st["by_source_kind_and_key"]}
        self.assertEqual(set(groups), {"higher_program:true", "higher_program:false", "ad_hoc:false", "ad_hoc:true"})
        key_program = groups["higher_program:true"]
        self.assertEqual((key_program["total"], key_program["completed"], key_program["completed_on_time"],
                          key_program["completed_late"]), (2, 2, 1, 1))
        self.assertEqual(self.listed(key_program["tasks_url"]), sorted(self.program_key))
        self.assertEqual(groups["ad_hoc:true"]["total"], 1)
        self.assertEqual(sum(g["total"] for g in groups.values()), st["total"])

    def test_a_unit_can_count_only_the_tasks_it_leads(self):
        infra = self.agency.infra
        led_or_cooperating = self.stats(f"org={infra}")
        self.assertEqual(led_or_cooperating["total"], 3, "two led, one cooperated on")
        self.assertEqual([g["key"] for g in led_or_cooperating["by_lead_org"]], [str(infra)],
                         "the unit leading the cooperated task is outside the subtree and has no row")
        led = self.stats(f"org={infra}&org_role=lead")
        self.assertEqual(led["total"], 2)
        self.assertEqual(sum(g["total"] for g in led["by_lead_org"]), led["total"])
        self.assertIn("org_role=lead", led["tasks_url"])
        self.assertEqual(len(self.listed(led["tasks_url"])), 2)
        everything = self.stats(f"org={self.agency.agency}&org_role=lead")
        self.assertEqual(sum(g["total"] for g in everything["by_lead_org"]), everything["total"])
        self.assertEqual(everything["total"], 6)

    def test_a_reporting_periods_figures_are_the_reports_and_each_lists_its_tasks(self):
        r = self.director.get(f"{STATS}?report_period=2023-08")
        self.assertEqual(r.status, 200, r)
        st = r.json
        self.assertEqual(st["report_period"]["as_of"], "2023-08-31")
        self.assertFalse(st["report_period"]["period_running"])
        # Six tasks due on 31/08, two of them completed by then: the second key task was
        # completed in September, so it is overdue in August's report.
        figures = st["report_figures"]
        self.assertEqual((figures["due"], figures["due_completed"], figures["overdue"]), (6, 2, 4))
        self.assertEqual(figures["due_completed_ratio"], "02/06")
        preview = self.director.get("/api/v1/reports/preview?period=2023-08")
        self.assertEqual(preview.status, 200, preview)
        self.assertEqual(figures, preview.json["totals"])
        previewed = {g["key"]: g["figures"] for g in preview.json["by_source_kind_and_key"]}
        groups = {g["key"]: g for g in st["by_source_kind_and_key"]}
        self.assertEqual({k: g["report_figures"] for k, g in groups.items()}, previewed)
        self.assertEqual(groups["higher_program:true"]["report_figures"]["due_completed_ratio"], "01/02")
        # Every figure, of the whole and of each group, is the total of the list behind it.
        for url, group in [(st["tasks_url"], figures)] + [(g["tasks_url"], g["report_figures"])
                                                          for g in st["by_source_kind_and_key"]]:
            for figure, value in group.items():
                if figure in ("cumulative", "due_completed_ratio"):
                    continue
                with self.subTest(url=url, figure=figure):
                    listed = self.director.get(f"{url}&report_figure={figure}&page_size=1")
                    self.assertEqual(listed.status, 200, listed)
                    self.assertEqual(listed.json["total"], value)
        # The list says the day it is counted to: the report's, not today.
        listed = self.director.get(f"{TASKS}?report_period=2023-08&report_figure=overdue")
        self.assertEqual((listed.json["as_of"], listed.json["total"]), ("2023-08-31", 4))
        # A unit's figures are those of the tasks it leads, as in the report.
        infra = self.director.get(f"{STATS}?report_period=2023-08&org={self.agency.infra}").json
        self.assertEqual(infra["report_figures"]["due"], 2, "the task it cooperates on is not counted")
        self.assertEqual(infra["report_figures"]["due_completed_ratio"], "01/02")

    def test_a_wrong_value_is_answered_with_the_right_ones(self):
        r = self.director.get(f"{TASKS}?status=within")
        self.assertError(r, 422, "validation_failed", "status", "invalid")
        self.assertEqual(r.json["fields"][0]["allowed"],
                         ["completed_on_time", "completed_late", "in_progress", "overdue", "cancelled"])
        r = self.director.get(f"{STATS}?source_kind=province")
        self.assertIn("higher_program", r.json["fields"][0]["allowed"])
        r = self.director.get(f"{STATS}?org={self.agency.infra}&org_role=cooperating")
        self.assertError(r, 422, "validation_failed", "org_role", "invalid")
        self.assertEqual(r.json["fields"][0]["allowed"], ["any", "lead"])
        self.assertError(self.director.get(f"{STATS}?org_role=lead"), 422, "validation_failed", "org_role",
                         "not_applicable")
        r = self.director.get(f"{TASKS}?sort=colour")
        self.assertIn("deadline", r.json["fields"][0]["allowed"])
        r = self.director.get(f"{STATS}?key=maybe")
        self.assertEqual(r.json["fields"][0]["allowed"], ["true", "false"])
        r = self.director.get(f"{TASKS}?lead_org=abc")
        self.assertError(r, 422, "validation_failed", "lead_org", "invalid")
        self.assertNotIn("allowed", r.json["fields"][0])
        # Statistics take a list's paging and sorting, and check them the same way.
        self.assertError(self.director.get(f"{STATS}?report_period=2023-08&as_of=2023-08-15"), 422,
                         "validation_failed", "as_of", "conflicts_with_report_period")
        self.assertError(self.director.get(f"{STATS}?report_period=2099-01"), 422, "validation_failed",
                         "report_period", "not_started")
        r = self.director.get(f"{TASKS}?report_period=2023-08&report_figure=late")
        self.assertError(r, 422, "validation_failed", "report_figure", "invalid")
        self.assertIn("due_completed", r.json["fields"][0]["allowed"])
        for query, field in (("sort=-foo", "sort"), ("page=abc", "page"), ("page_size=9999", "page_size")):
            with self.subTest(query=query):
                self.assertError(self.director.get(f"{STATS}?{query}"), 422, "validation_failed", field)

    def test_sort_keys_are_capped_and_never_repeated(self):
        many = ",".join(["id"] * 3000)
        self.assertError(self.director.get(f"{TASKS}?sort={many}"), 422, "validation_failed", "sort", "too_many")
        self.assertError(self.director.get(f"{TASKS}?sort=title,-title"), 422, "validation_failed", "sort",
                         "duplicate")
        r = self.director.get(f"{TASKS}?sort=deadline,assigned_on,title,updated,-id")
        self.assertEqual(r.status, 200, r)


if __name__ == "__main__":
    unittest.main()
