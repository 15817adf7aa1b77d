#include "http/server.h"

#include <spdlog/spdlog.h>
#include <sys/resource.h>

#include <algorithm>
#include <boost/asio.hpp>
#include <boost/asio/experimental/as_tuple.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <optional>
#include <thread>
#include <vector>

#include "http/body_budget.h"
#include "http/connection_table.h"

namespace giaoban::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = asio::ip::tcp;
constexpr auto kNoThrow = asio::experimental::as_tuple(asio::use_awaitable);

namespace {

// Descriptors kept free of connections: the database, its journal files, logs and backups.
constexpr std::size_t kReservedDescriptors = 64;
// Connections beyond the cap while the ones asked to make room are closing.
constexpr std::size_t kCloseSlack = kReservedDescriptors / 4;
// How long the accept loop waits before it looks again when it cannot take a connection: short
// enough not to keep clients waiting, long enough not to spin.
constexpr auto kAcceptPause = std::chrono::milliseconds(50);
// What a connection reads at a time beyond its header, so that its buffer stays small.
constexpr std::size_t kReadChunk = 16 * 1024;
// Seconds a client refused for lack of body memory is told to wait: bodies finish in that order.
constexpr const char* kRetryAfterSeconds = "5";

}  // namespace

std::size_t RaiseDescriptorLimit() {
  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) != 0) return 1024;
  if (limit.rlim_cur < limit.rlim_max) {
    rlimit raised = limit;
    raised.rlim_cur = limit.rlim_max;
    // An unlimited hard limit cannot be the soft one on Linux; the soft limit then stays.
    if (setrlimit(RLIMIT_NOFILE, &raised) == 0) limit = raised;
  }
  return static_cast<std::size_t>(limit.rlim_cur);
}

namespace {

// A connection's place in the table, from its accept to the end of its coroutine (or to the end of
// the io_context, for a coroutine that never ran).
class ConnectionSlot {
 public:
  explicit ConnectionSlot(ConnectionTable& table) : table_(&table), id_(table.Open()) {}
  ConnectionSlot(ConnectionSlot&& other) noexcept
      : table_(std::exchange(other.table_, nullptr)), id_(other.id_) {}
  ConnectionSlot(const ConnectionSlot&) = delete;
  ConnectionSlot& operator=(const ConnectionSlot&) = delete;
  ConnectionSlot& operator=(ConnectionSlot&&) = delete;
  ~ConnectionSlot() {
    if (table_ != nullptr) table_->Remove(id_);
  }
  ConnectionTable::Id id() const { return id_; }

 private:
  ConnectionTable* table_;
  ConnectionTable::Id id_;
};

}  // namespace

struct Server::Impl {
  ServerOptions options;
  Handler handler;
  // Before the io_context: connections still registered here end while it is destroyed.
  ConnectionTable connections;
  BodyBudget body_budget;
  std::size_t connection_cap = 0;
  asio::io_context io;
  asio::thread_pool workers;
  std::optional<tcp::acceptor> acceptor;
  asio::signal_set signals{io, SIGINT, SIGTERM};
  std::uint16_t bound_port = 0;

  Impl(ServerOptions o, Handler h)
      : options(std::move(o)),
        handler(std::move(h)),
        body_budget(options.body_memory_bytes),
        io(options.network_threads),
        workers(static_cast<std::size_t>(options.worker_threads)) {}

  asio::awaitable<void> Accept();
  asio::awaitable<void> Serve(tcp::socket socket, ConnectionSlot accepted);
  asio::awaitable<bool> AwaitRequest(beast::tcp_stream& stream, beast::flat_buffer& buffer,
                                     ConnectionTable::Id id);
  asio::awaitable<std::size_t> BodyLimit(const Request& head);
  asio::awaitable<Response> Dispatch(Request request);
  asio::awaitable<void> Refuse(beast::tcp_stream& stream, Response response);
  Response Error(int status, std::string_view code) const;
  bhttp::response<bhttp::string_body> ToBeast(Response&& r, unsigned version, bool keep_alive,
                                              bool head_only) const;
};

namespace {

// A plain coroutine function rather than a capturing lambda: its parameters live in the coroutine
// frame, while a lambda's captures would live in a closure object that may be gone by resumption.
asio::awaitable<Response> RunHandler(const Handler* handler, Request request) {
  co_return (*handler)(request);
}

asio::awaitable<std::size_t> RunBodyLimit(
    const std::function<std::size_t(const Request&)>* body_limit, const Request* head) {
  co_return (*body_limit)(*head);
}

// The request as far as its header tells: everything but the body.
Request RequestHead(const bhttp::request<bhttp::string_body>& message, const std::string& client) {
  Request request;
  request.method = std::string(message.method_string());
  request.target = std::string(message.target());
  request.client_address = client;
  for (const auto& field : message)
    request.headers[std::string(field.name_string())] = std::string(field.value());
  return request;
}

// Beast refused the bytes as HTTP, as opposed to the client leaving or the time running out.
bool IsMalformed(const beast::error_code& ec) {
  static const auto& http_errors = bhttp::make_error_code(bhttp::error::bad_method).category();
  return ec.category() == http_errors && ec != bhttp::error::end_of_stream &&
         ec != bhttp::error::partial_message && ec != bhttp::error::short_read;
}

}  // namespace

Response Server::Impl::Error(int status, std::string_view code) const {
  Response r;
  r.status = status;
  r.body = options.error_body(code);
  return r;
}

bhttp::response<bhttp::string_body> Server::Impl::ToBeast(Response&& r, unsigned version,
                                                          bool keep_alive, bool head_only) const {
  bhttp::response<bhttp::string_body> out{static_cast<bhttp::status>(r.status), version};
  out.set(bhttp::field::server, "giaoban");
  if (!r.content_type.empty()) out.set(bhttp::field::content_type, r.content_type);
  out.set("X-Content-Type-Options", "nosniff");
  for (const auto& [name, value] : options.response_headers) out.set(name, value);
  for (auto& [name, value] : r.headers) out.insert(name, value);
  out.body() = std::move(r.body);
  out.keep_alive(keep_alive);
  out.prepare_payload();
  // HEAD: the Content-Length of the GET answer, and no body, which the serializer then cannot send.
  if (head_only) out.body().clear();
  return out;
}

asio::awaitable<Response> Server::Impl::Dispatch(Request request) {
  // Handlers block on the database: run them on the worker pool and come back afterwards.
  co_return co_await asio::co_spawn(workers, RunHandler(&handler, std::move(request)),
                                    asio::use_awaitable);
}

asio::awaitable<std::size_t> Server::Impl::BodyLimit(const Request& head) {
  if (!options.body_limit) co_return options.max_body_bytes;
  const std::size_t limit = co_await asio::co_spawn(
      workers, RunBodyLimit(&options.body_limit, &head), asio::use_awaitable);
  co_return std::min(limit, options.max_body_bytes);
}

asio::awaitable<bool> Server::Impl::AwaitRequest(beast::tcp_stream& stream,
                                                 beast::flat_buffer& buffer,
                                                 ConnectionTable::Id id) {
  // A pipelined request may already be in; otherwise the connection is idle, and may be closed
  // to make room, until the first bytes of its next request arrive.
  if (buffer.size() == 0) {
    connections.MarkIdle(id);
    auto [ec, n] = co_await stream.async_read_some(buffer.prepare(kReadChunk), kNoThrow);
    if (ec) co_return false;
    buffer.commit(n);
  }
  co_return connections.MarkBusy(id);
}

asio::awaitable<void> Server::Impl::Serve(tcp::socket socket, ConnectionSlot accepted) {
  beast::tcp_stream stream(std::move(socket));
  // A local, so that the connection leaves the table before `stream` goes.
  const ConnectionSlot slot = std::move(accepted);
  const auto id = slot.id();
  // Called from the accept loop, on another thread: the cancel itself runs on this connection's
  // strand, and only while the connection is still in the table, which means `stream` is alive.
  connections.SetCloseRequest(id, [this, &stream](ConnectionTable::Id id) {
    asio::post(stream.get_executor(), [this, &stream, id] {
      if (connections.Contains(id)) stream.cancel();
    });
  });

  // Bounded so that a connection holds little more than its header: the body goes to its own
  // buffer, which the body budget accounts for.
  beast::flat_buffer buffer(options.max_header_bytes + kReadChunk);
  std::string client;
  {
    beast::error_code ec;
    auto endpoint = stream.socket().remote_endpoint(ec);
    if (!ec) client = endpoint.address().to_string();
  }
  bool first = true;
  for (;;) {
    bhttp::request_parser<bhttp::string_body> parser;
    parser.header_limit(static_cast<std::uint32_t>(options.max_header_bytes));
    parser.body_limit(options.max_body_bytes);

    // The first request must arrive whole within the request timeout. On a kept-alive connection
    // the wait for the next request is the idle timeout, and the request timeout starts once its
    // header is in.
    stream.expires_after(first ? options.request_timeout : options.idle_timeout);
    if (!co_await AwaitRequest(stream, buffer, id)) break;
    auto [header_ec, header_n] =
        co_await bhttp::async_read_header(stream, buffer, parser, kNoThrow);
    // Beast's own limit counts only what it has not yet parsed, which lets a header that came in
    // large reads grow beyond it: the whole header is checked here as well.
    if (header_ec == bhttp::error::header_limit || header_ec == bhttp::error::buffer_overflow ||
        (!header_ec && header_n > options.max_header_bytes)) {
      co_await Refuse(stream, Error(431, "header_too_large"));
      break;
    }
    if (header_ec == bhttp::error::body_limit) {  // a Content-Length above any route's limit
      co_await Refuse(stream, Error(413, "body_too_large"));
      break;
    }
    if (IsMalformed(header_ec)) co_await Refuse(stream, Error(400, "bad_request"));
    if (header_ec) break;  // closed or timed out: nobody to answer
    if (!first) stream.expires_after(options.request_timeout);
    first = false;
    const auto started = std::chrono::steady_clock::now();

    Request request = RequestHead(parser.get(), client);
    const bool target_ok = ParseTarget(request.target, request.path, request.query);
    std::optional<BodyBudget::Reservation> body_memory;
    if (!parser.is_done()) {
      // Decided now, before any of the body is held: public routes take small bodies only.
      const std::size_t limit = co_await BodyLimit(request);
      const auto announced = parser.content_length();
      if (announced && *announced > limit) {
        co_await Refuse(stream, Error(413, "body_too_large"));
        break;
      }
      parser.body_limit(limit);  // checked chunk by chunk when no length is announced
      body_memory = body_budget.TryReserve(announced.value_or(limit));
      if (!body_memory) {
        Response busy = Error(503, "server_busy");
        busy.set_header("Retry-After", kRetryAfterSeconds);
        co_await Refuse(stream, std::move(busy));
        break;
      }
      auto [read_ec, read_n] = co_await bhttp::async_read(stream, buffer, parser, kNoThrow);
      if (read_ec == bhttp::error::body_limit) {
        co_await Refuse(stream, Error(413, "body_too_large"));
        break;
      }
      if (IsMalformed(read_ec)) co_await Refuse(stream, Error(400, "bad_request"));
      if (read_ec) break;
      request.body = std::move(parser.get().body());
    }

    const auto& message = parser.get();
    const bool keep_alive = message.keep_alive();
    // HEAD is GET without the body: same handler, same status and headers.
    const bool head = message.method() == bhttp::verb::head;
    if (head) request.method = "GET";
    Response response;
    if (!target_ok) {
      response = Error(400, "bad_request");
    } else {
      stream.expires_never();  // the handler's time is not the client's fault
      response = co_await Dispatch(std::move(request));
    }
    body_memory.reset();  // the body went with the request
    const int status = response.status;
    const std::string user = response.log_user;
    auto out = ToBeast(std::move(response), message.version(), keep_alive, head);
    stream.expires_after(options.request_timeout);
    auto [write_ec, written] = co_await bhttp::async_write(stream, out, kNoThrow);
    const auto micros = std::chrono::duration_cast<std::chrono::microseconds>(
                            std::chrono::steady_clock::now() - started)
                            .count();
    spdlog::info(
        R"({{"method":"{}","path":"{}","status":{},"duration_ms":{:.3f},"user":"{}","client":"{}"}})",
        std::string(message.method_string()),
        std::string(message.target().substr(0, message.target().find('?'))), status,
        micros / 1000.0, user, client);
    if (write_ec || !keep_alive) break;
  }
  beast::error_code ignored;
  stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
}

asio::awaitable<void> Server::Impl::Refuse(beast::tcp_stream& stream, Response response) {
  auto res = ToBeast(std::move(response), 11, false, false);
  stream.expires_after(std::chrono::seconds(5));
  co_await bhttp::async_write(stream, res, kNoThrow);
}

asio::awaitable<void> Server::Impl::Accept() {
  asio::steady_timer pause(co_await asio::this_coro::executor);
  bool reported = false;
  for (;;) {
    // At the cap, make room by closing the connection idle the longest; with none idle, wait for
    // one to finish. The new connection is taken at once while the old one closes, within a small
    // slack, so that a queue of clients is served without a pause for each.
    bool wait = false;
    if (connections.staying() >= connection_cap && !connections.CloseOldestIdle()) {
      if (!reported) spdlog::warn("{} connections open, none idle: new ones wait", connection_cap);
      reported = wait = true;
    }
    if (wait || connections.size() >= connection_cap + kCloseSlack) {
      pause.expires_after(kAcceptPause);
      co_await pause.async_wait(kNoThrow);
      continue;
    }
    // Each connection gets its own strand, so that it can be closed safely from here.
    auto [ec, socket] = co_await acceptor->async_accept(asio::make_strand(io), kNoThrow);
    if (ec == asio::error::operation_aborted) co_return;
    if (ec && ec != asio::error::connection_aborted) {
      // Out of descriptors or memory: retrying at once would only spin. Give back what can be
      // given and wait a little.
      if (!reported) spdlog::warn("accepting a connection failed: {}", ec.message());
      reported = true;
      connections.CloseOldestIdle();
      pause.expires_after(kAcceptPause);
      co_await pause.async_wait(kNoThrow);
      continue;
    }
    if (ec) continue;  // the client gave up while queued
    reported = false;
    beast::error_code ignored;
    socket.set_option(tcp::no_delay(true), ignored);
    // Counted from now on, not from when the connection's coroutine first runs.
    ConnectionSlot slot(connections);
    auto executor = socket.get_executor();
    asio::co_spawn(executor, Serve(std::move(socket), std::move(slot)), asio::detached);
  }
}

Server::Server(ServerOptions options, Handler handler)
    : impl_(std::make_unique<Impl>(std::move(options), std::move(handler))) {}

Server::~Server() {
  Stop();
  impl_->workers.join();
}

void Server::Listen() {
  const std::size_t descriptors = RaiseDescriptorLimit();
  impl_->connection_cap =
      std::min(impl_->options.max_connections, descriptors > 2 * kReservedDescriptors
                                                   ? descriptors - kReservedDescriptors
                                                   : descriptors / 2);
  impl_->connection_cap = std::max<std::size_t>(impl_->connection_cap, 1);
  tcp::endpoint endpoint(asio::ip::make_address(impl_->options.address), impl_->options.port);
  impl_->acceptor.emplace(impl_->io);
  impl_->acceptor->open(endpoint.protocol());
  impl_->acceptor->set_option(asio::socket_base::reuse_address(true));
  impl_->acceptor->bind(endpoint);
  impl_->acceptor->listen(asio::socket_base::max_listen_connections);
  impl_->bound_port = impl_->acceptor->local_endpoint().port();
}

void Server::Run() {
  if (!impl_->acceptor) Listen();
  asio::co_spawn(asio::make_strand(impl_->io), impl_->Accept(), asio::detached);
  impl_->signals.async_wait([this](const beast::error_code& ec, int) {
    if (!ec) Stop();
  });
  std::vector<std::thread> extra;
  for (int i = 1; i < impl_->options.network_threads; ++i)
    extra.emplace_back([this] { impl_->io.run(); });
  impl_->io.run();
  for (auto& t : extra) t.join();
}

void Server::Stop() {
  asio::post(impl_->io, [this] {
    beast::error_code ignored;
    if (impl_->acceptor) impl_->acceptor->close(ignored);
    impl_->signals.cancel(ignored);
    impl_->io.stop();
  });
}

std::uint16_t Server::port() const { return impl_->bound_port; }

std::size_t Server::connection_cap() const { return impl_->connection_cap; }

}  // namespace giaoban::http
