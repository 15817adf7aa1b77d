#include <spdlog/spdlog.h>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <stop_token>
#include <thread>

#include "api/api.h"
#include "api/client_address.h"
#include "app/commands.h"
#include "http/server.h"
#include "http/static_files.h"
#include "messages/messages.h"
#include "service/tasks/today_status.h"

namespace giaoban::app {

namespace {

struct ServeOptions {
  std::string listen = "127.0.0.1:8080";
  int network_threads = 1;
  int workers = 4;
  bool secure_cookies = false;
  int request_timeout_seconds = 30;
  int idle_timeout_seconds = 60;
  std::optional<std::string> web_root;  // the built interface; web/dist when that exists
  int response_cache_mb = 16;
  std::vector<std::string> trusted_proxies;  // reverse proxies whose X-Forwarded-For is believed
  int max_connections = 10000;
  int body_memory_mb = 64;
};

bool SplitListen(const std::string& listen, std::string& address, std::uint16_t& port) {
  const auto colon = listen.rfind(':');
  if (colon == std::string::npos) return false;
  address = listen.substr(0, colon);
  if (address.size() > 2 && address.front() == '[' && address.back() == ']')
    address = address.substr(1, address.size() - 2);
  try {
    const int p = std::stoi(listen.substr(colon + 1));
    if (p < 0 || p > 65535) return false;
    port = static_cast<std::uint16_t>(p);
  } catch (...) {
    return false;
  }
  return !address.empty();
}

// Keeps the status snapshot current: once at start, then whenever the agency's date changes.
// Runs beside the server so that no request waits for it.
class SnapshotKeeper {
 public:
  explicit SnapshotKeeper(const service::Context& ctx)
      : thread_([&ctx](std::stop_token stop) {
          std::mutex mutex;
          std::condition_variable_any wake;
          bool first = true;
          while (!stop.stop_requested()) {
            try {
              const auto started = std::chrono::steady_clock::now();
              if (service::RefreshSnapshot(ctx)) {
                spdlog::info("status snapshot moved to {} in {} ms", ctx.Today().Iso(),
                             std::chrono::duration_cast<std::chrono::milliseconds>(
                                 std::chrono::steady_clock::now() - started)
                                 .count());
              } else if (first) {
                spdlog::info("status snapshot is current for {}", ctx.Today().Iso());
              }
              first = false;
            } catch (const std::exception& e) {
              spdlog::warn("status snapshot refresh failed (will retry): {}", e.what());
            }
            std::unique_lock lock(mutex);
            wake.wait_for(lock, stop, std::chrono::seconds(30), [] { return false; });
          }
        }) {}

 private:
  std::jthread thread_;
};

// The interface is optional for an API-only server, but a root given explicitly must be there.
bool LoadWebInterface(const ServeOptions& options, std::optional<http::StaticFiles>& web) {
  const std::string root = options.web_root.value_or("web/dist");
  std::string error;
  web = http::StaticFiles::Load(root, error);
  if (web) {
    spdlog::info("web interface: {} files ({} KB) from {}", web->file_count(),
                 web->total_bytes() / 1024, root);
    return true;
  }
  if (options.web_root) {
    spdlog::error("--web-root: {}", error);
    return false;
  }
  spdlog::warn("web interface not served: {} (build it with scripts/build.sh)", error);
  return true;
}

int Serve(const GlobalOptions& global, const ServeOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  http::ServerOptions server_options;
  if (!SplitListen(options.listen, server_options.address, server_options.port)) {
    spdlog::error("--listen expects ADDRESS:PORT, got '{}'", options.listen);
    return 2;
  }
  server_options.network_threads = std::max(1, options.network_threads);
  server_options.worker_threads = std::max(1, options.workers);
  server_options.request_timeout =
      std::chrono::seconds(std::max(1, options.request_timeout_seconds));
  server_options.idle_timeout = std::chrono::seconds(std::max(1, options.idle_timeout_seconds));
  server_options.max_connections = static_cast<std::size_t>(std::max(1, options.max_connections));
  server_options.body_memory_bytes = static_cast<std::size_t>(std::max(1, options.body_memory_mb))
                                     << 20;
  if (options.secure_cookies) {
    // Served over HTTPS: browsers are to come back only that way.
    server_options.response_headers.emplace_back("Strict-Transport-Security", "max-age=31536000");
  }
  server_options.error_body = [](std::string_view code) {
    // These errors come before the request is read: Vietnamese, the product's default language.
    return boost::json::serialize(
        boost::json::object{{"code", code}, {"message", messages::Message(code)}});
  };

  std::string bad_proxy;
  const auto proxies = api::TrustedProxies::Parse(options.trusted_proxies, bad_proxy);
  if (!proxies) {
    spdlog::error("--trusted-proxy expects an IP address, got '{}'", bad_proxy);
    return 2;
  }

  auto db = OpenAndMigrate(global, static_cast<std::size_t>(server_options.worker_threads));
  service::Context ctx(*db, global.MakeSettings());
  std::optional<http::StaticFiles> web;
  if (!LoadWebInterface(options, web)) return 2;
  api::Api api(
      ctx, api::ApiOptions{options.secure_cookies,
                           static_cast<std::size_t>(std::max(0, options.response_cache_mb)) << 20});
  server_options.max_body_bytes = api.max_body_bytes();
  server_options.body_limit = [&api](const http::Request& head) {
    // The web interface's files are only read: no body is of use there.
    return head.path.rfind("/api/", 0) == 0 ? api.BodyLimit(head)
                                            : api.options().max_json_body_bytes;
  };
  if (server_options.body_memory_bytes < server_options.max_body_bytes) {
    spdlog::warn(
        "--body-memory-mb {} is below the largest body ({} MiB): such uploads will be refused",
        options.body_memory_mb, server_options.max_body_bytes >> 20);
  }
  http::Server server(server_options, [&api, &web, &proxies](http::Request& request) {
    request.client_address =
        proxies->ClientAddress(request.client_address, request.header("X-Forwarded-For"));
    if (request.path.rfind("/api/", 0) == 0) return api.Handle(request);
    if (web) return web->Serve(request);
    return api::ErrorResponse(
        service::Error::NotFound(),
        messages::FromAcceptLanguage(request.header("Accept-Language").value_or("")));
  });
  server.Listen();
  const auto ready_ms = std::chrono::duration_cast<std::chrono::microseconds>(
                            std::chrono::steady_clock::now() - started)
                            .count() /
                        1000.0;
  spdlog::info("giaoban listening on http://{}:{} (database: {}, ready in {:.1f} ms)",
               server_options.address, server.port(), db->description(), ready_ms);
  spdlog::info("at most {} connections and {} MiB of request bodies at once",
               server.connection_cap(), server_options.body_memory_bytes >> 20);
  SnapshotKeeper keeper(ctx);
  server.Run();
  spdlog::info("giaoban stopped");
  return 0;
}

}  // namespace

void RegisterServe(CLI::App& app, GlobalOptions& global) {
  auto options = std::make_shared<ServeOptions>();
  auto* cmd = app.add_subcommand("serve", "Serve the web API (and the web interface)");
  cmd->add_option("--listen", options->listen, "ADDRESS:PORT to listen on (port 0: any free port)");
  cmd->add_option("--threads", options->network_threads, "Network threads");
  cmd->add_option("--workers", options->workers, "Worker threads for database work");
  cmd->add_flag("--secure-cookies", options->secure_cookies,
                "Mark cookies Secure and send Strict-Transport-Security (behind HTTPS)");
  cmd->add_option("--request-timeout", options->request_timeout_seconds,
                  "Seconds a client has to send a whole request");
  cmd->add_option("--idle-timeout", options->idle_timeout_seconds,
                  "Seconds a kept-alive connection may stay idle");
  cmd->add_option("--response-cache-mb", options->response_cache_mb,
                  "Memory for reusing list and statistics answers until the data changes (0: off)");
  cmd->add_option("--trusted-proxy", options->trusted_proxies,
                  "Address of a reverse proxy in front of the server (repeatable); only requests "
                  "from these take the client's address from X-Forwarded-For");
  cmd->add_option("--max-connections", options->max_connections,
                  "Open connections at most (kept below the descriptor limit as well); at the cap "
                  "the one idle the longest is closed for a new one");
  cmd->add_option("--body-memory-mb", options->body_memory_mb,
                  "Memory for request bodies being received, across all connections; beyond "
                  "it requests are answered 503");
  cmd->add_option("--web-root", options->web_root,
                  "Folder of the built web interface (default: web/dist when present)");
  cmd->callback([&global, options] { global.exit_code = Serve(global, *options); });
}

}  // namespace giaoban::app
