// The replay: every task's creation and script steps performed through the services in
// business-date order, each by the person who would really do it, with the document numbers a
// Department would issue.
#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "demo/demo_loader.h"

namespace giaoban::demo::detail {

void DemoLoader::Replay() {
  struct Action {
    Date date;
    int phase;  // 0 creation, 1 a step of the task's script
    int task;
    int step;
  };
  std::vector<Action> actions;
  for (std::size_t i = 0; i < plans_.size(); ++i) {
    const int task = static_cast<int>(i);
    actions.push_back({plans_[i].assigned_on, 0, task, -1});
    for (std::size_t j = 0; j < plans_[i].steps.size(); ++j)
      actions.push_back({plans_[i].steps[j].date, 1, task, static_cast<int>(j)});
  }
  std::sort(actions.begin(), actions.end(), [](const Action& x, const Action& y) {
    return std::tie(x.date, x.phase, x.task, x.step) < std::tie(y.date, y.phase, y.task, y.step);
  });
  for (const Action& action : actions) {
    TaskPlan& t = plans_[static_cast<std::size_t>(action.task)];
    if (action.phase == 0) {
      CreateTask(t);
      continue;
    }
    const Step& step = t.steps[static_cast<std::size_t>(action.step)];
    // The services refuse business dates after the real today; a demo "today" in the future
    // simply has not happened yet.
    if (step.date > real_today_ || step.date > today_) continue;
    RunStep(t, step);
  }
}

void DemoLoader::CreateTask(TaskPlan& t) {
  const OrgInfo& lead = org(t.lead);
  std::string content = "Thực hiện " + t.source_label + ", " + lead.name + " chủ trì";
  std::vector<Id> cooperators;
  for (std::size_t i = 0; i < t.cooperators.size(); ++i) {
    const OrgInfo& other = org(t.cooperators[i]);
    cooperators.push_back(other.id);
    content += (i == 0 ? ", phối hợp với " : ", ") + other.name;
  }
  content += " tổ chức thực hiện; sản phẩm: " + Str(cat::Products()[t.product].label) +
             ". Kết quả gửi về Phòng Kế hoạch – Tài chính để tổng hợp, báo cáo Giám đốc Sở.";

  service::TaskInput in;
  in.source_id = t.source_id;
  if (t.parent >= 0) in.parent_id = plans_[static_cast<std::size_t>(t.parent)].id;
  in.title = t.title;
  in.content = content;
  in.is_key = t.key;
  in.restricted = t.restricted;
  in.lead_org_id = lead.id;
  in.cooperator_ids = cooperators;
  in.leader_id = std::optional<std::optional<Id>>(std::in_place, leader_people_[lead.leader]);
  in.assignee_ids = t.assignees;
  in.product = Str(cat::Products()[t.product].label);
  in.assigned_on = t.assigned_on;
  in.deadline = std::optional<std::optional<Date>>(std::in_place, t.deadline);
  in.deadline_label = t.deadline_label;
  t.id = Must(tasks_.Create(ActorOf(t.creator), in), "creating task \"" + t.title + "\"")
             .task.summary.id;
}

void DemoLoader::RunStep(TaskPlan& t, const Step& step) {
  const std::string what = " on task \"" + t.title + "\" (" + step.date.Iso() + ")";
  switch (step.kind) {
    case Step::Kind::kProgress: {
      // An assignee with an account reports in person; otherwise the unit's head does.
      Id author = HeadUser(t, LeaderUser(t));
      const OrgInfo& lead = org(t.lead);
      for (Id person : t.assignees) {
        if (auto it = lead.staff_users.find(person); it != lead.staff_users.end()) {
          author = it->second;
          break;
        }
      }
      service::ProgressInput in;
      in.reported_on = step.date;
      in.body = step.text;
      in.percent = step.percent;
      Must(tasks_.AddProgress(ActorOf(author), t.id, in), "progress" + what);
      break;
    }
    case Step::Kind::kRequestExtension: {
      const auto view = Must(tasks_.RequestExtension(ActorOf(HeadUser(t, consolidator_user_)), t.id,
                                                     {step.date, step.new_deadline, step.text}),
                             "extension request" + what);
      for (const auto& e : view.task.extensions) {
        if (e.state == "pending") t.extension_id = e.id;
      }
      break;
    }
    case Step::Kind::kDecideExtension: {
      if (t.extension_id == 0) return;
      // Decided on the step's date; an approval takes effect that day.
      service::ExtensionDecisionInput in{step.approve ? "approved" : "refused", step.text,
                                         step.date, std::nullopt};
      Must(tasks_.DecideExtension(ActorOf(leader_users_[cat::kDirector]), t.id, t.extension_id, in),
           "extension decision" + what);
      t.extension_id = 0;
      break;
    }
    case Step::Kind::kRequestExplanation: {
      const auto view =
          Must(tasks_.RequestExplanation(ActorOf(LeaderUser(t)), t.id, step.text, step.date),
               "explanation request" + what);
      for (const auto& e : view.task.explanations) {
        if (!e.answer) t.explanation_id = e.id;
      }
      break;
    }
    case Step::Kind::kAnswerExplanation: {
      const Id head = HeadUser(t, 0);
      if (t.explanation_id == 0 || head == 0) return;
      Must(tasks_.AnswerExplanation(ActorOf(head), t.id, t.explanation_id, step.text, step.date),
           "explanation answer" + what);
      t.explanation_id = 0;
      break;
    }
    case Step::Kind::kComplete: {
      service::CompletionInput in;
      in.completed_on = step.date;
      in.result_doc_number = DocNumber(cat::Products()[t.product].doc_type,
                                       t.merged ? Str(cat::kMergedInto) : t.lead, step.date);
      in.result_doc_date = step.date;
      in.note = step.text;
      Must(tasks_.Complete(ActorOf(HeadUser(t, LeaderUser(t))), t.id, in), "completion" + what);
      break;
    }
    case Step::Kind::kCancel: {
      service::CancellationInput in;
      in.kind = step.cancel_kind;
      in.cancelled_on = step.date;
      in.reason = step.text;
      Must(tasks_.Cancel(ActorOf(LeaderUser(t)), t.id, in), "cancellation" + what);
      break;
    }
  }
}

// Numbers documents of one type in the order they are issued, at about the yearly volume of a
// Department ("Số: 05/BC-SGTVT"; letters without a type code are "1234/SGTVT-KHTC").
std::string DemoLoader::DocNumber(std::string_view type, const std::string& org_code, Date on) {
  const int per_year = type.empty()    ? 2400
                       : type == "BC"  ? 520
                       : type == "QĐ"  ? 420
                       : type == "TTr" ? 180
                       : type == "TB"  ? 160
                       : type == "KH"  ? 150
                                       : 60;
  int& last = last_number_[Str(type) + "/" + std::to_string(on.year())];
  last = std::max(last + 1, DayOfYear(on) * per_year / 365 + 1);
  const std::string number = (last < 10 ? "0" : "") + std::to_string(last);
  if (type.empty()) return number + "/SGTVT-" + org_code;
  return number + "/" + Str(type) + "-SGTVT";
}

}  // namespace giaoban::demo::detail
