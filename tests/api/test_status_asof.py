"""Status as of a date D through the API, exactly as docs/domain.md#status-as-of-a-date defines it,
and the one filter language shared by /tasks and /stats: the figures always add up to the lists they link to.

The tests keep a small model of the rules (status_as_of below, a transcription of that section) and check
the server's single task, list and statistics answers against it for many dates and filters.
"""
import dataclasses
import datetime
import random
import re
import unicodedata
import unittest
import urllib.parse
from dataclasses import dataclass, field

from harness import ApiTestCase, skip_unless_database_available

TASKS = "/api/v1/tasks"
STATS = "/api/v1/stats"
STATUSES = ["completed_on_time", "completed_late", "in_progress", "overdue", "cancelled"]
DUE_SOON_DAYS = 7


@dataclass
class Spec:
    """One task as the test builds it: dates are ISO strings, which compare in date order."""
    title: str
    assigned_on: str
    deadline: str | None
    completed_on: str | None = None
    cancelled_on: str | None = None
    cancel_kind: str = "cancelled"
    extensions: list = field(default_factory=list)  # (effective_on, new_deadline, approved?) in request order
    kind: str = "key_program"
    is_key: bool = False
    lead: str = "infra"
    cooperators: list = field(default_factory=list)
    with_leader: bool = False
    with_assignee: bool = False
    id: int = 0


# --- the model of docs/domain.md#status-as-of-a-date --------------------------------------------------

def deadline_in_force(t: Spec, d: str) -> str | None:
    """The last approved deadline as of D: the approved extension with the latest effective date <= D
    (the later approval on a tie), else the original deadline."""
    latest = None
    for effective_on, new_deadline, approved in t.extensions:
        if approved and effective_on <= d and (latest is None or effective_on >= latest[0]):
            latest = (effective_on, new_deadline)
    return latest[1] if latest else t.deadline


def status_as_of(t: Spec, d: str) -> str | None:
    """None when the task was not assigned yet on D (then it is not counted at all)."""
    if t.assigned_on > d:
        return None
    if t.cancelled_on and t.cancelled_on <= d:
        return "cancelled"
    dl = deadline_in_force(t, d)
    if t.completed_on and t.completed_on <= d:
        return "completed_on_time" if dl is None or t.completed_on <= dl else "completed_late"
    return "in_progress" if dl is None or d <= dl else "overdue"


def extended_as_of(t: Spec, d: str) -> bool:
    return any(approved and eff <= d for eff, _, approved in t.extensions)


def warning_as_of(t: Spec, d: str) -> str:
    s = status_as_of(t, d)
    if s == "overdue":
        return "overdue"
    if s != "in_progress":
        return "none"
    dl = deadline_in_force(t, d)
    if dl is None:
        return "no_deadline"
    return "due_soon" if dl <= add_days(d, DUE_SOON_DAYS) else "on_track"


def add_days(d: str, n: int) -> str:
    return (datetime.date.fromisoformat(d) + datetime.timedelta(days=n)).isoformat()


def expected_counts(tasks: list[Spec], d: str) -> dict:
    counts = {s: 0 for s in STATUSES}
    counts["extended"] = 0
    for t in tasks:
        s = status_as_of(t, d)
        if s is None:
            continue
        counts[s] += 1
        if s != "cancelled" and extended_as_of(t, d):
            counts["extended"] += 1
    counts["total"] = sum(counts[s] for s in STATUSES if s != "cancelled")
    return counts


def fold(text: str) -> str:
    """Search form as the product defines it: no diacritics, đ -> d, lower case, words joined by one space."""
    text = unicodedata.normalize("NFD", text)
    text = "".join(c for c in text if unicodedata.category(c) != "Mn").replace("đ", "d").replace("Đ", "d")
    return " ".join(re.findall(r"[^\W_]+", text.casefold()))


# --- building the tasks through the API --------------------------------------------------------------

class AsOfTestCase(ApiTestCase):
    def build(self, specs: list[Spec], sources: dict[str, int]) -> None:
        director = self.session("director")
        consolidator = self.session("consolidator")
        orgs = {"infra": self.agency.infra, "transport": self.agency.transport, "office": self.agency.office,
                "planning": self.agency.planning}
        people = self.__class__.people
        for t in specs:
            body = {"source_id": sources[t.kind], "title": t.title, "lead_org_id": orgs[t.lead],
                    "assigned_on": t.assigned_on, "deadline": t.deadline, "is_key": t.is_key,
                    "cooperator_ids": [orgs[o] for o in t.cooperators]}
            if t.deadline is None:
                body["deadline_label"] = "Thường xuyên"
            if t.with_leader:
                body["leader_id"] = people["director"]
            if t.with_assignee:
                body["assignee_ids"] = [people["infra_specialist"]]
            r = director.post(TASKS, body)
            self.assertEqual(r.status, 201, r)
            t.id = r.json["id"]
            for effective_on, new_deadline, approved in t.extensions:
                r = consolidator.post(f"{TASKS}/{t.id}/extensions",
                                      {"requested_on": t.assigned_on, "requested_deadline": new_deadline,
                                       "reason": "Chờ ý kiến thẩm định"})
                self.assertEqual(r.status, 201, r)
                ext = r.json["extensions"][-1]["id"]
                decision = {"decision": "refused", "decided_on": effective_on}
                if approved:
                    decision = {"decision": "approved", "decided_on": effective_on, "effective_on": effective_on}
                r = director.post(f"{TASKS}/{t.id}/extensions/{ext}/decision", decision)
                self.assertEqual(r.status, 200, r)
            if t.completed_on:
                r = director.post(f"{TASKS}/{t.id}/complete", {"completed_on": t.completed_on})
                self.assertEqual(r.status, 200, r)
            if t.cancelled_on:
                r = director.post(f"{TASKS}/{t.id}/cancel", {"reason": "Không còn phù hợp", "kind": t.cancel_kind,
                                                             "cancelled_on": t.cancelled_on})
                self.assertEqual(r.status, 200, r)

    @classmethod
    def setUpClass(cls) -> None:
        super().setUpClass()
        cls.people = {}

    def setUp(self) -> None:
        self.director = self.session("director")
        if not self.people:
            for role in ("director", "infra_specialist"):
                self.people[role] = self.session(role).get("/api/v1/me").json["person_id"]

    def list_all(self, query: str, page_size: int = 200) -> tuple[list[dict], int]:
        """Every item of a list, page by page; checks that every page reports the same total."""
        items, page, totals = [], 1, set()
        while True:
            r = self.director.get(f"{TASKS}?{query}&page_size={page_size}&page={page}")
            self.assertEqual(r.status, 200, (query, r))
            totals.add(r.json["total"])
            items += r.json["items"]
            if not r.json["items"] or len(items) >= r.json["total"]:
                break
            page += 1
        self.assertEqual(len(totals), 1, f"the total changed between pages of {query}")
        total = totals.pop()
        self.assertEqual(len(items), total, query)
        self.assertEqual(len({t["id"] for t in items}), total, f"duplicates across pages of {query}")
        return items, total


# --- status as of D ---------------------------------------------------------------------------------

SPECS = [
    Spec("Hoàn thành đúng ngày hạn", "2023-03-01", "2023-03-31", completed_on="2023-03-31"),
    Spec("Hoàn thành sau hạn một ngày", "2023-03-01", "2023-03-31", completed_on="2023-04-01"),
    Spec("Chưa hoàn thành", "2023-03-01", "2023-03-31"),
    Spec("Nhiệm vụ thường xuyên", "2023-03-01", None),
    Spec("Thường xuyên đã xong", "2023-03-01", None, completed_on="2023-04-02"),
    Spec("Gia hạn hiệu lực trước hạn", "2023-03-01", "2023-03-31", extensions=[("2023-03-20", "2023-04-30", True)]),
    Spec("Gia hạn hiệu lực sau hạn", "2023-03-01", "2023-03-31", extensions=[("2023-04-10", "2023-04-30", True)]),
    Spec("Gia hạn rồi hoàn thành", "2023-03-01", "2023-03-31", completed_on="2023-04-20",
         extensions=[("2023-03-25", "2023-04-30", True)]),
    Spec("Gia hạn hai lần", "2023-03-01", "2023-03-31",
         extensions=[("2023-03-20", "2023-04-15", True), ("2023-04-10", "2023-05-15", True)]),
    Spec("Gia hạn bị từ chối", "2023-03-01", "2023-03-31", extensions=[("2023-03-20", "2023-04-30", False)]),
    Spec("Hủy giữa chừng", "2023-03-01", "2023-03-31", cancelled_on="2023-03-15"),
    Spec("Rút khỏi chương trình khi đã quá hạn", "2023-03-01", "2023-03-31", cancelled_on="2023-04-05",
         cancel_kind="withdrawn"),
    Spec("Giao sau", "2023-05-15", "2023-06-30"),
]

DATES = ["2023-02-28", "2023-03-01", "2023-03-15", "2023-03-19", "2023-03-20", "2023-03-24", "2023-03-25",
         "2023-03-30", "2023-03-31", "2023-04-01", "2023-04-02", "2023-04-05", "2023-04-09", "2023-04-10",
         "2023-04-15", "2023-04-16", "2023-04-20", "2023-04-30", "2023-05-01", "2023-05-14", "2023-05-15",
         "2023-05-16", "2023-06-30", "2023-07-01", "2099-01-01"]


@skip_unless_database_available
class StatusAsOfTest(AsOfTestCase):
    @classmethod
    def setUpClass(cls) -> None:
        super().setUpClass()
        cls.specs = [dataclasses.replace(s) for s in SPECS]  # ids are set on a copy per class
        cls.built = False

    def setUp(self) -> None:
        super().setUp()
        if not self.built:
            self.__class__.source_id = self.create_source(self.director, "key_program", "Chương trình trọng tâm 2023")
            self.build(self.specs, {"key_program": self.source_id})
            self.__class__.built = True
        self.by_title = {t.title: t for t in self.specs}

    def answers(self, d: str) -> tuple[dict, dict]:
        items, _ = self.list_all(f"as_of={d}&source={self.source_id}")
        stats = self.director.get(f"{STATS}?as_of={d}&source={self.source_id}")
        self.assertEqual(stats.status, 200, stats)
        return {t["id"]: t for t in items}, stats.json

    def test_boundaries_named_in_domain_section_4(self):
        def status(title: str, d: str) -> str:
            r = self.director.get(f"{TASKS}/{self.by_title[title].id}?as_of={d}")
            self.assertEqual(r.status, 200, r)
            return r.json["status"]

        # Completion on the deadline day is on time; a day later is late.
        self.assertEqual(status("Hoàn thành đúng ngày hạn", "2023-03-31"), "completed_on_time")
        self.assertEqual(status("Hoàn thành sau hạn một ngày", "2023-04-01"), "completed_late")
        self.assertEqual(status("Hoàn thành sau hạn một ngày", "2023-03-31"), "in_progress")
        # D equal to the deadline is within the deadline; the day after is overdue.
        self.assertEqual(status("Chưa hoàn thành", "2023-03-31"), "in_progress")
        self.assertEqual(status("Chưa hoàn thành", "2023-04-01"), "overdue")
        # No deadline is never overdue.
        self.assertEqual(status("Nhiệm vụ thường xuyên", "2099-01-01"), "in_progress")
        # An extension counts from its effective date on, not before.
        self.assertEqual(status("Gia hạn hiệu lực sau hạn", "2023-04-05"), "overdue")
        self.assertEqual(status("Gia hạn hiệu lực sau hạn", "2023-04-10"), "in_progress")
        self.assertEqual(status("Gia hạn hiệu lực trước hạn", "2023-04-15"), "in_progress")
        self.assertEqual(status("Gia hạn hiệu lực trước hạn", "2023-05-01"), "overdue")
        self.assertEqual(status("Gia hạn rồi hoàn thành", "2023-05-01"), "completed_on_time")
        self.assertEqual(status("Gia hạn bị từ chối", "2023-04-01"), "overdue")
        # Cancelled: listed as such from the cancellation date; counted normally before it.
        self.assertEqual(status("Hủy giữa chừng", "2023-03-14"), "in_progress")
        self.assertEqual(status("Hủy giữa chừng", "2023-03-15"), "cancelled")
        # A task assigned after D did not exist yet.
        self.assertEqual(status("Giao sau", "2023-05-14"), "not_yet_assigned")
        task = self.director.get(f"{TASKS}/{self.by_title['Gia hạn hai lần'].id}?as_of=2023-04-12").json
        self.assertEqual(task["deadline"], "2023-03-31", "the original deadline is kept")
        self.assertEqual(task["deadline_in_force"], "2023-05-15")
        self.assertTrue(task["extended"])

    def test_every_task_on_every_date_matches_the_rules(self):
        for d in DATES:
            with self.subTest(as_of=d):
                listed, stats = self.answers(d)
                expected_ids = {t.id for t in self.specs if status_as_of(t, d) is not None}
                self.assertEqual(set(listed), expected_ids, "the list holds exactly the tasks assigned by D")
                for t in self.specs:
                    one = self.director.get(f"{TASKS}/{t.id}?as_of={d}").json
                    want = status_as_of(t, d)
                    self.assertEqual(one["status"], want or "not_yet_assigned", t.title)
                    self.assertEqual(one["deadline_in_force"], deadline_in_force(t, d), t.title)
                    self.assertEqual(one["extended"], extended_as_of(t, d), t.title)
                    self.assertEqual(one["warning"], warning_as_of(t, d), t.title)
                    if want is not None:
                        item = listed[t.id]
                        self.assertEqual(item["status"], want, t.title)
                        self.assertEqual(item["deadline_in_force"], deadline_in_force(t, d), t.title)
                        self.assertEqual(item["extended"], extended_as_of(t, d), t.title)
                        self.assertEqual(item["warning"], warning_as_of(t, d), t.title)
                want = expected_counts(self.specs, d)
                for key in ["total", "extended", *STATUSES]:
                    self.assertEqual(stats[key], want[key], key)
                self.assertEqual(stats["completed"], want["completed_on_time"] + want["completed_late"])
                self.assertEqual(stats["as_of"], d)
                rate = want["overdue"] / want["total"] if want["total"] else 0.0
                self.assertAlmostEqual(stats["overdue_rate"], rate)
                # Each status filter lists exactly what the figure counts.
                for s in STATUSES:
                    r = self.director.get(f"{TASKS}?as_of={d}&source={self.source_id}&status={s}&page_size=1")
                    self.assertEqual(r.json["total"], want[s], s)

    def test_the_same_date_gives_the_same_answer_twice(self):
        def comparable(listed: dict) -> dict:
            # Status facts only: progress and version are today's, not D's.
            return {i: (t["status"], t["deadline_in_force"], t["extended"], t["warning"]) for i, t in listed.items()}

        first = {d: self.answers(d) for d in ("2023-03-31", "2023-04-01", "2023-04-20")}
        # Life goes on after D: new tasks, progress, a completion today. The past does not change.
        elsewhere = self.create_source(self.director, "ad_hoc", "Công văn mới")  # not in the other tests' lists
        today_task = self.create_task(self.director, elsewhere, self.agency.infra, "Việc giao hôm nay")
        r = self.director.post(f"{TASKS}/{self.by_title['Nhiệm vụ thường xuyên'].id}/updates",
                               {"body": "Cập nhật hôm nay", "percent": 70})
        self.assertEqual(r.status, 201, r)
        r = self.director.post(f"{TASKS}/{today_task['id']}/complete", {})
        self.assertEqual(r.status, 200, r)
        for d, (listed, stats) in first.items():
            with self.subTest(as_of=d):
                listed2, stats2 = self.answers(d)
                self.assertEqual(comparable(listed2), comparable(listed))
                self.assertEqual(stats2, stats)


# --- the filter language: lists and figures agree --------------------------------------------------

TITLE_WORDS = ["Kế hoạch bảo trì đường bộ", "Lễ hội Đình làng", "Kiểm tra định kỳ cầu yếu", "Báo cáo tổng kết",
               "Xây dựng kế hoạch phòng chống thiên tai", "Giải phóng mặt bằng", "Đề án giao thông nông thôn"]
KINDS = ["higher_program", "key_program", "ad_hoc", "meeting_conclusion", "directive"]
UNITS = ["infra", "transport", "office", "planning"]


def random_specs(seed: int = 2023, n: int = 36) -> list[Spec]:
    rnd = random.Random(seed)
    specs = []
    for i in range(n):
        assigned = datetime.date(2023, 1, 1) + datetime.timedelta(days=rnd.randrange(0, 360))
        deadline = None if rnd.random() < 0.2 else assigned + datetime.timedelta(days=rnd.randrange(0, 90))
        lead = rnd.choice(UNITS)
        t = Spec(title=f"{rnd.choice(TITLE_WORDS)} số {i + 1}", assigned_on=assigned.isoformat(),
                 deadline=deadline.isoformat() if deadline else None, kind=rnd.choice(KINDS),
                 is_key=rnd.random() < 0.4, lead=lead,
                 cooperators=rnd.sample([u for u in UNITS if u != lead], rnd.randrange(0, 3)),
                 with_leader=rnd.random() < 0.5, with_assignee=rnd.random() < 0.3)
        if deadline and rnd.random() < 0.25:
            effective = assigned + datetime.timedelta(days=rnd.randrange(0, 60))
            t.extensions = [(effective.isoformat(), (deadline + datetime.timedelta(days=30)).isoformat(),
                             rnd.random() < 0.8)]
        roll = rnd.random()
        if roll < 0.45:
            t.completed_on = (assigned + datetime.timedelta(days=rnd.randrange(0, 120))).isoformat()
        elif roll < 0.55:
            t.cancelled_on = (assigned + datetime.timedelta(days=rnd.randrange(0, 60))).isoformat()
        specs.append(t)
    return specs


@skip_unless_database_available
class FilterTotalsTest(AsOfTestCase):
    """For many filters: the list holds exactly the tasks the rules select, /stats counts exactly the
    list, and the links in /stats lead to lists of exactly the counted tasks."""

    @classmethod
    def setUpClass(cls) -> None:
        super().setUpClass()
        cls.specs = random_specs()
        cls.sources = {}

    def setUp(self) -> None:
        super().setUp()
        if not self.sources:
            for kind in KINDS:
                number = "2345/UBND-KTN" if kind == "ad_hoc" else f"{len(self.sources) + 10}/KH-SGTVT"
                self.sources[kind] = self.create_source(self.director, kind, f"Nguồn {kind}", doc_number=number)
            self.build(self.specs, self.sources)
        self.doc_numbers = {kind: ("2345/UBND-KTN" if kind == "ad_hoc" else f"{i + 10}/KH-SGTVT")
                            for i, kind in enumerate(KINDS)}

    def selected(self, params: dict) -> tuple[list[Spec], str]:
        """The model's answer to a filter: the tasks it selects and its as-of date."""
        a = self.agency
        org_ids = {"infra": a.infra, "transport": a.transport, "office": a.office, "planning": a.planning}
        period = params.get("period")
        first = last = None
        if period:
            year = int(period[:4])
            if len(period) == 4:
                first, last = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
            elif period[5] == "Q":
                q = int(period[6])
                first = datetime.date(year, 3 * q - 2, 1)
                last = (datetime.date(year + (q == 4), (3 * q) % 12 + 1, 1) - datetime.timedelta(days=1))
            else:
                month = int(period[5:7])
                first = datetime.date(year, month, 1)
                last = datetime.date(year + (month == 12), month % 12 + 1, 1) - datetime.timedelta(days=1)
        d = params.get("as_of") or (last.isoformat() if last else datetime.date.today().isoformat())
        out = []
        for t in self.specs:
            s = status_as_of(t, d)
            if s is None:
                continue
            if "q" in params and fold(params["q"]) not in fold(f"{t.title} {self.doc_numbers[t.kind]}"):
                continue
            if "status" in params and s not in params["status"].split(","):
                continue
            if "source_kind" in params and t.kind not in params["source_kind"].split(","):
                continue
            if "key" in params and t.is_key != (params["key"] == "true"):
                continue
            if "lead_org" in params and org_ids[t.lead] != params["lead_org"]:
                continue
            if "org" in params:
                units = {org_ids[u] for u in [t.lead, *t.cooperators]}
                if params.get("org_role") == "lead":
                    units = {org_ids[t.lead]}
                if params["org"] != a.agency and params["org"] not in units:
                    continue
            if "leader" in params and not t.with_leader:
                continue
            if "assignee" in params and not t.with_assignee:
                continue
            assigned_from = params.get("assigned_from") or (first.isoformat() if first else None)
            assigned_to = params.get("assigned_to") or (last.isoformat() if last else None)
            if assigned_from and t.assigned_on < assigned_from:
                continue
            if assigned_to and t.assigned_on > assigned_to:
                continue
            dl = deadline_in_force(t, d)
            if "deadline_from" in params and (dl is None or dl < params["deadline_from"]):
                continue
            if "deadline_to" in params and (dl is None or dl > params["deadline_to"]):
                continue
            out.append(t)
        return out, d

    def filters(self) -> list[dict]:
        a, p = self.agency, self.people
        return [
            {"as_of": "2023-12-31"}, {"as_of": "2023-06-30"}, {"as_of": "2024-03-31"},
            {"as_of": "2023-09-30", "q": "ke hoach"}, {"as_of": "2023-09-30", "q": "KẾ HOẠCH"},
            {"as_of": "2023-12-31", "q": "dinh"}, {"as_of": "2023-12-31", "q": "2345/UBND"},
            {"as_of": "2023-10-15", "status": "overdue"}, {"as_of": "2023-10-15", "status": "in_progress,overdue"},
            {"as_of": "2023-10-15", "status": "cancelled"},
            {"as_of": "2023-12-31", "status": "completed_on_time,completed_late"},
            {"as_of": "2023-12-31", "source_kind": "ad_hoc"},
            {"as_of": "2023-12-31", "source_kind": "higher_program,key_program"},
            {"as_of": "2023-12-31", "key": "true"}, {"as_of": "2023-12-31", "key": "false"},
            {"as_of": "2023-12-31", "lead_org": a.infra}, {"as_of": "2023-12-31", "org": a.infra},
            {"as_of": "2023-12-31", "org": a.agency}, {"as_of": "2023-12-31", "org": a.transport},
            {"as_of": "2023-12-31", "org": a.infra, "org_role": "lead"},
            {"as_of": "2023-12-31", "org": a.transport, "org_role": "lead"},
            {"as_of": "2023-12-31", "leader": p["director"]}, {"as_of": "2023-12-31", "assignee": p["infra_specialist"]},
            {"as_of": "2023-12-31", "assigned_from": "2023-04-01", "assigned_to": "2023-06-30"},
            {"as_of": "2023-12-31", "deadline_from": "2023-05-01", "deadline_to": "2023-08-31"},
            {"as_of": "2023-07-15", "deadline_to": "2023-07-15", "status": "overdue"},
            {"period": "2023-08"}, {"period": "2023-Q3"}, {"period": "2023-Q4"}, {"period": "2023"},
            {"period": "2023-Q2", "as_of": "2023-12-31"},
            {"period": "2023-Q3", "key": "true", "org": a.agency, "status": "in_progress,completed_on_time"},
            {"as_of": "2023-11-30", "lead_org": a.transport, "source_kind": "ad_hoc,directive", "key": "false"},
        ]

    def query(self, params: dict) -> str:
        return urllib.parse.urlencode({k: str(v) for k, v in params.items()})

    def test_lists_and_figures_agree_with_the_rules_and_each_other(self):
        for params in self.filters():
            with self.subTest(filter=params):
                q = self.query(params)
                want, d = self.selected(params)
                items, total = self.list_all(q, page_size=7)
                self.assertEqual(sorted(t["id"] for t in items), sorted(t.id for t in want))
                statuses = {t["id"]: t["status"] for t in items}
                for t in want:
                    self.assertEqual(statuses[t.id], status_as_of(t, d), t.title)

                stats = self.director.get(f"{STATS}?{q}")
                self.assertEqual(stats.status, 200, stats)
                stats = stats.json
                self.assertEqual(stats["as_of"], d)
                counts = expected_counts(want, d)
                for key in ["total", "extended", *STATUSES]:
                    self.assertEqual(stats[key], counts[key], key)
                self.assertEqual(stats["total"] + stats["cancelled"], total, "figures add up to the list")
                # The groups add up to the totals; the units' rows do when each task counts for the
                # unit that leads it, and list only units of the chosen subtree.
                added_up = ["by_source_kind", "by_key", "by_source_kind_and_key"]
                if "org" not in params or params.get("org_role") == "lead":
                    added_up.append("by_lead_org")
                for groups in added_up:
                    for key in ("total", "overdue", "cancelled"):
                        self.assertEqual(sum(g[key] for g in stats[groups]), stats[key], (groups, key))
                if "org" in params and params["org"] != self.agency.agency:
                    self.assertLessEqual({g["key"] for g in stats["by_lead_org"]}, {str(params["org"])})
                # Each status figure is the total of the same filter narrowed to that status.
                if "status" not in params:
                    for s in STATUSES:
                        r = self.director.get(f"{TASKS}?{q}&status={s}&page_size=1")
                        self.assertEqual(r.json["total"], stats[s], s)
                # And the links in the figures lead to exactly the counted tasks.
                linked = self.director.get(stats["tasks_url"] + "&page_size=1")
                self.assertEqual(linked.status, 200, linked)
                self.assertEqual(linked.json["total"], total, stats["tasks_url"])
                for g in stats["by_lead_org"] + stats["by_source_kind"]:
                    r = self.director.get(g["tasks_url"] + "&page_size=1")
                    self.assertEqual(r.json["total"], g["total"] + g["cancelled"], g["tasks_url"])

    def test_stats_accept_a_lists_paging_and_sorting(self):
        q = "as_of=2023-12-31&key=true"
        plain = self.director.get(f"{STATS}?{q}").json
        paged = self.director.get(f"{STATS}?{q}&page=2&page_size=10&sort=-deadline").json
        self.assertEqual(paged["total"], plain["total"])
        self.assertEqual(paged["overdue"], plain["overdue"])


# --- search, sorting and paging ---------------------------------------------------------------------

SORTED_TITLES = ["an ninh trật tự", "An toàn giao thông", "Ăn ở công nhân", "Âm thanh cảnh báo", "Bảo trì cầu",
                 "Dự án cầu", "Đào tạo cán bộ", "Giải phóng mặt bằng", "Ô nhiễm môi trường", "Ủy quyền ký",
                 "Ưu tiên vốn", "Xử lý vi phạm"]


@skip_unless_database_available
class SearchSortPageTest(AsOfTestCase):
    def setUp(self) -> None:
        super().setUp()
        if "search_source" in self.__class__.__dict__:
            return
        d = self.director
        cls = self.__class__
        cls.search_source = self.create_source(d, "ad_hoc", "Công văn khắc phục lũ", doc_number="2345/UBND-KTN")
        cls.other_source = self.create_source(d, "key_program", "Chương trình công tác", doc_number="125/QĐ-UBND")
        cls.sort_source = self.create_source(d, "directive", "Chỉ thị về trật tự")
        titles = {
            "dinh": "Tổ chức lễ hội Đình làng Phú Lễ",
            "dinh_ky": "Kiểm tra ĐỊNH KỲ cầu yếu",
            "ke_hoach": "Kế hoạch bảo trì đường bộ năm 2024",
            "ke_hoach2": "Xây dựng kế hoạch phòng chống thiên tai",
            "khac": "Khắc phục hậu quả mưa lũ",
        }
        cls.ids = {}
        for key, title in titles.items():
            source = cls.search_source if key == "khac" else cls.other_source
            cls.ids[key] = self.create_task(d, source, self.agency.infra, title, assigned_on="2023-08-01")["id"]
        # Created out of order, with deadlines, for the sorting tests.
        rnd = random.Random(7)
        shuffled = SORTED_TITLES[:]
        rnd.shuffle(shuffled)
        cls.sort_ids = {}
        for i, title in enumerate(shuffled):
            deadline = None if i % 4 == 0 else f"2023-09-{10 + i:02d}"
            cls.sort_ids[title] = self.create_task(d, cls.sort_source, self.agency.transport, title,
                                                   assigned_on="2023-08-01", deadline=deadline)["id"]

    def found(self, q: str, extra: str = "") -> set[int]:
        query = urllib.parse.urlencode({"q": q}) + "&as_of=2023-12-31" + extra
        items, total = self.list_all(query)
        stats = self.director.get(f"{STATS}?{query}").json
        self.assertEqual(stats["total"] + stats["cancelled"], total, q)
        return {t["id"] for t in items}

    def test_search_ignores_diacritics_and_case(self):
        ids = self.ids
        self.assertEqual(self.found("dinh"), {ids["dinh"], ids["dinh_ky"]})
        self.assertEqual(self.found("Đình"), {ids["dinh"], ids["dinh_ky"]})
        self.assertEqual(self.found("ĐÌNH LÀNG"), {ids["dinh"]})
        self.assertEqual(self.found(unicodedata.normalize("NFD", "đình làng")), {ids["dinh"]})
        self.assertEqual(self.found("ke hoach"), {ids["ke_hoach"], ids["ke_hoach2"]})
        self.assertEqual(self.found("kế   hoạch"), {ids["ke_hoach"], ids["ke_hoach2"]})
        self.assertEqual(self.found("KE HOACH BAO TRI"), {ids["ke_hoach"]})
        self.assertEqual(self.found("khong co nhiem vu nay"), set())
        # The source's document number is searchable, with or without its punctuation.
        self.assertEqual(self.found("2345/UBND"), {ids["khac"]})
        self.assertEqual(self.found("2345 ubnd ktn"), {ids["khac"]})
        self.assertEqual(self.found("125/QĐ-UBND"), {ids[k] for k in ("dinh", "dinh_ky", "ke_hoach", "ke_hoach2")})
        # Wildcards of SQL are plain text here.
        self.assertEqual(self.found("k%u"), set())
        self.assertEqual(self.found("k_u"), set())
        # Search combines with the other filters.
        self.assertEqual(self.found("ke hoach", f"&source={self.other_source}&lead_org={self.agency.infra}"),
                         {ids["ke_hoach"], ids["ke_hoach2"]})
        self.assertEqual(self.found("ke hoach", f"&source={self.search_source}"), set())
        # An edited title is found under its new words only.
        current = self.director.get(f"{TASKS}/{ids['khac']}").json
        r = self.director.patch(f"{TASKS}/{ids['khac']}", {"title": "Sửa chữa đê điều"}, version=current["version"])
        self.assertEqual(r.status, 200, r)
        self.assertEqual(self.found("de dieu"), {ids["khac"]})
        self.assertEqual(self.found("mua lu"), set())

    def sorted_titles(self, sort: str, page_size: int = 200) -> list[str]:
        items, _ = self.list_all(f"source={self.sort_source}&as_of=2023-12-31&sort={sort}", page_size=page_size)
        return [t["title"] for t in items]

    def test_sort_by_title_in_vietnamese_order(self):
        self.assertEqual(self.sorted_titles("title"), SORTED_TITLES)
        self.assertEqual(self.sorted_titles("-title"), SORTED_TITLES[::-1])
        # Paging keeps the order across pages.
        self.assertEqual(self.sorted_titles("title", page_size=5), SORTED_TITLES)
        # A renamed task moves to its new place.
        tid = self.sort_ids["Bảo trì cầu"]
        current = self.director.get(f"{TASKS}/{tid}").json
        r = self.director.patch(f"{TASKS}/{tid}", {"title": "Yêu cầu bảo trì cầu"}, version=current["version"])
        self.assertEqual(r.status, 200, r)
        try:
            expected = [t for t in SORTED_TITLES if t != "Bảo trì cầu"] + ["Yêu cầu bảo trì cầu"]
            self.assertEqual(self.sorted_titles("title"), expected)
        finally:
            r = self.director.patch(f"{TASKS}/{tid}", {"title": "Bảo trì cầu"}, version=r.json["version"])
            self.assertEqual(r.status, 200, r)

    def test_sort_by_deadline_puts_ongoing_tasks_last_both_ways(self):
        items, _ = self.list_all(f"source={self.sort_source}&as_of=2023-12-31&sort=deadline")
        deadlines = [t["deadline_in_force"] for t in items]
        dated = [x for x in deadlines if x]
        self.assertEqual(deadlines, sorted(dated) + [None] * (len(deadlines) - len(dated)))
        items, _ = self.list_all(f"source={self.sort_source}&as_of=2023-12-31&sort=-deadline")
        deadlines = [t["deadline_in_force"] for t in items]
        self.assertEqual(deadlines, sorted(dated, reverse=True) + [None] * (len(deadlines) - len(dated)))
        # Ties and the default order fall back to the id, so paging is stable.
        items, _ = self.list_all(f"source={self.sort_source}&as_of=2023-12-31&sort=assigned_on", page_size=5)
        self.assertEqual([t["id"] for t in items], sorted(t["id"] for t in items))

    def test_paging_totals(self):
        n = len(SORTED_TITLES)
        base = f"{TASKS}?source={self.sort_source}&as_of=2023-12-31&sort=title&page_size=5"
        seen = []
        for page in range(1, 5):
            r = self.director.get(f"{base}&page={page}")
            self.assertEqual(r.status, 200, r)
            self.assertEqual(r.json["total"], n)
            self.assertEqual(r.json["page"], page)
            self.assertEqual(r.json["page_size"], 5)
            self.assertEqual(len(r.json["items"]), max(0, min(5, n - 5 * (page - 1))))
            seen += [t["title"] for t in r.json["items"]]
        self.assertEqual(seen, SORTED_TITLES)
        default = self.director.get(f"{TASKS}?source={self.sort_source}&as_of=2023-12-31").json
        self.assertEqual(default["page"], 1)
        self.assertEqual(default["page_size"], 50)
        self.assertEqual(default["total"], n)
        self.assertEqual(self.director.get(f"{base}&page=1000000").json["items"], [])


if __name__ == "__main__":
    unittest.main()
