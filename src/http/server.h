// The HTTP/1.1 server: Boost.Beast on Asio coroutines. Network threads only read and write; every
// request is handled on a separate worker pool because handlers do blocking database work.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "http/message.h"

namespace giaoban::http {

struct ServerOptions {
  std::string address = "127.0.0.1";
  std::uint16_t port = 8080;  // 0 picks a free port
  int network_threads = 1;
  int worker_threads = 4;
  std::size_t max_header_bytes = 16 * 1024;
  // No request may announce a larger body: it is refused as soon as its header is in.
  std::size_t max_body_bytes = 24 * 1024 * 1024;
  // The body limit of one request (at most max_body_bytes), asked once its header is in and only
  // when a body follows. It may look at the route and the caller, which can mean database work, so
  // it runs on the worker pool. Unset: max_body_bytes for every request.
  std::function<std::size_t(const Request& head)> body_limit;
  // The memory that bodies being received may take across all connections. A request that would
  // go beyond it is answered 503 with Retry-After instead of being read.
  std::size_t body_memory_bytes = 64 * 1024 * 1024;
  // Open connections at most; the server also keeps below its descriptor limit (see Listen()).
  // At the cap, the connection idle the longest is closed to make room for a new one.
  std::size_t max_connections = 10000;
  // A whole request (headers and body) must arrive within this time: slow clients are cut off.
  std::chrono::seconds request_timeout{30};
  std::chrono::seconds idle_timeout{60};  // between requests on a kept-alive connection
  // Sent with every response, the server's own errors included (e.g. Strict-Transport-Security).
  std::vector<std::pair<std::string, std::string>> response_headers;
  // The JSON body of the errors the server answers by itself (400, 413, 431, 503), given their
  // code.
  std::function<std::string(std::string_view code)> error_body = [](std::string_view code) {
    return R"({"code":")" + std::string(code) + R"(","message":")" + std::string(code) + "\"}";
  };
};

using Handler = std::function<Response(Request&)>;

// Raises the soft limit on open descriptors to the hard limit; returns the soft limit in force.
std::size_t RaiseDescriptorLimit();

class Server {
 public:
  Server(ServerOptions options, Handler handler);
  ~Server();

  // Raises the descriptor limit, sets the connection cap and binds the listening socket; after
  // this, port() is the real port.
  void Listen();
  // Serves until Stop() or SIGINT/SIGTERM.
  void Run();
  void Stop();
  std::uint16_t port() const;
  // The most connections open at once: max_connections, or less to stay below the descriptor
  // limit. Set by Listen().
  std::size_t connection_cap() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace giaoban::http
