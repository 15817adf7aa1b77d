// Administration from the command line: schema, organisations, accounts, API tokens and backups.
#include <spdlog/spdlog.h>

#include <chrono>
#include <filesystem>
#include <iostream>

#include "app/backup.h"
#include "app/commands.h"
#include "domain/date.h"
#include "service/accounts/auth.h"
#include "service/organizations/organizations.h"

namespace giaoban::app {

namespace {

int Report(const service::Error& e) {
  std::cerr << "error: " << e.code;
  for (const auto& f : e.fields) std::cerr << " [" << f.field << ": " << f.code << "]";
  std::cerr << "\n";
  return 1;
}

std::string ReadPassword(const std::string& given, bool from_stdin) {
  if (!from_stdin) return given;
  std::string line;
  std::getline(std::cin, line);
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

template <class Fn>
void WithContext(GlobalOptions& global, Fn fn) {
  auto db = OpenAndMigrate(global, 2);
  service::Context ctx(*db, global.MakeSettings());
  global.exit_code = fn(ctx);
}

}  // namespace

void RegisterAdmin(CLI::App& app, GlobalOptions& global) {
  app.add_subcommand("migrate", "Create or upgrade the database schema")->callback([&global] {
    MigrateAndReport(global);
  });

  // --- organisations ---
  auto* org = app.add_subcommand("org", "Organisations")->require_subcommand(1);
  {
    auto in = std::make_shared<service::OrganizationInput>();
    auto parent = std::make_shared<std::int64_t>(0);
    auto* add = org->add_subcommand("add", "Add an organisation (a root when --parent is absent)");
    add->add_option("--parent", *parent, "Parent organisation id");
    add->add_option("--kind", in->kind, "committee|department|division|unit|office|other")
        ->required();
    add->add_option("--code", in->code, "Short code used in document numbers")->required();
    add->add_option("--name", in->name, "Full name")->required();
    add->add_option("--place", in->place_name, "Place name on documents");
    add->callback([&global, in, parent] {
      if (*parent > 0) in->parent_id = *parent;
      WithContext(global, [&](service::Context& ctx) {
        auto o = service::OrganizationService(ctx).Create(std::nullopt, *in);
        if (!o) return Report(o.error());
        std::cout << o->id << "\n";
        return 0;
      });
    });
  }

  // --- users ---
  auto* user = app.add_subcommand("user", "User accounts")->require_subcommand(1);
  {
    auto nu = std::make_shared<service::NewUser>();
    auto role = std::make_shared<std::string>("specialist");
    auto from_stdin = std::make_shared<bool>(false);
    auto* add = user->add_subcommand("add", "Create an account");
    add->add_option("--username", nu->username)->required();
    add->add_option("--password", nu->password, "Password (or --password-stdin)");
    add->add_flag("--password-stdin", *from_stdin, "Read the password from standard input");
    add->add_option("--role", *role, "admin|leader|consolidator|unit_head|specialist|viewer");
    add->add_option("--org", nu->organization_id, "Organisation id")->required();
    add->add_option("--name", nu->full_name, "Full name")->required();
    add->add_option("--position", nu->position, "Position (chức vụ)");
    add->callback([&global, nu, role, from_stdin] {
      auto r = service::ParseRole(*role);
      if (!r) {
        std::cerr << "error: unknown role " << *role << "\n";
        global.exit_code = 2;
        return;
      }
      nu->role = *r;
      nu->password = ReadPassword(nu->password, *from_stdin);
      WithContext(global, [&](service::Context& ctx) {
        auto u = service::AuthService(ctx).CreateUser(std::nullopt, *nu);
        if (!u) return Report(u.error());
        std::cout << u->id << "\n";
        return 0;
      });
    });

    auto username = std::make_shared<std::string>();
    auto password = std::make_shared<std::string>();
    auto* passwd = user->add_subcommand("passwd", "Set an account's password");
    passwd->add_option("username", *username)->required();
    passwd->add_option("--password", *password);
    passwd->add_flag("--password-stdin", *from_stdin);
    passwd->callback([&global, username, password, from_stdin] {
      const std::string pw = ReadPassword(*password, *from_stdin);
      WithContext(global, [&](service::Context& ctx) {
        auto done = service::AuthService(ctx).UpdateUserAsOperator(*username, {.password = pw});
        return done ? 0 : Report(done.error());
      });
    });

    for (const bool disable : {true, false}) {
      auto* cmd = user->add_subcommand(
          disable ? "disable" : "enable",
          disable ? "Disable an account and end its sessions" : "Enable an account again");
      auto name = std::make_shared<std::string>();
      cmd->add_option("username", *name)->required();
      cmd->callback([&global, name, disable] {
        WithContext(global, [&](service::Context& ctx) {
          auto done = service::AuthService(ctx).UpdateUserAsOperator(*name, {.disabled = disable});
          return done ? 0 : Report(done.error());
        });
      });
    }

    user->add_subcommand("list", "List accounts")->callback([&global] {
      WithContext(global, [&](service::Context& ctx) {
        for (const auto& u : service::AuthService(ctx).ListUsers(std::nullopt)) {
          std::cout << u.id << "\t" << u.username << "\t" << service::RoleCode(u.role) << "\t"
                    << (u.disabled ? "disabled" : "active") << "\t" << u.person.full_name << "\t"
                    << u.person.organization_name << "\n";
        }
        return 0;
      });
    });
  }

  // --- API tokens ---
  auto* token = app.add_subcommand("token", "API tokens for integrations")->require_subcommand(1);
  {
    auto username = std::make_shared<std::string>();
    auto name = std::make_shared<std::string>("integration");
    auto days = std::make_shared<int>(0);
    auto last_day = std::make_shared<std::string>();
    auto* create = token->add_subcommand("create", "Create a token (printed once)");
    create->add_option("username", *username)->required();
    create->add_option("--name", *name, "What the token is for");
    auto* in_days = create->add_option("--expires-in-days", *days, "Stop working after N days")
                        ->check(CLI::PositiveNumber);
    create
        ->add_option("--expires", *last_day,
                     "Last day the token works, YYYY-MM-DD in the agency's time zone")
        ->excludes(in_days);
    create->callback([&global, username, name, days, last_day] {
      std::optional<domain::Date> until;
      if (!last_day->empty() && !(until = domain::Date::Parse(*last_day))) {
        std::cerr << "error: --expires expects YYYY-MM-DD, got " << *last_day << "\n";
        global.exit_code = 2;
        return;
      }
      WithContext(global, [&](service::Context& ctx) {
        std::optional<std::int64_t> expires_at;
        if (*days > 0) expires_at = service::Context::NowMillis() + *days * 86'400'000LL;
        if (until) {
          expires_at = std::chrono::duration_cast<std::chrono::milliseconds>(
                           ctx.clock().StartOf(until->AddDays(1)).time_since_epoch())
                           .count();
        }
        auto t = service::AuthService(ctx).CreateApiToken(*username, *name, expires_at);
        if (!t) return Report(t.error());
        std::cout << t->id << "\t" << t->token << "\n";
        return 0;
      });
    });
    auto id = std::make_shared<std::int64_t>(0);
    auto* revoke = token->add_subcommand("revoke", "Revoke a token by id");
    revoke->add_option("id", *id)->required();
    revoke->callback([&global, id] {
      WithContext(global, [&](service::Context& ctx) {
        auto done = service::AuthService(ctx).RevokeApiToken(*id);
        return done ? 0 : Report(done.error());
      });
    });
  }

  // --- backup ---
  {
    auto out = std::make_shared<std::string>();
    auto* backup = app.add_subcommand("backup", "Write a consistent copy of the database");
    backup->add_option("--out", *out, "Output file")->required();
    backup->callback([&global, out] {
      global.exit_code = Backup(global, *out);
      if (global.exit_code == 0) std::cout << "backup written to " << *out << "\n";
    });
  }
}

}  // namespace giaoban::app
