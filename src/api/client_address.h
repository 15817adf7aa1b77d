// Which address a request came from, for login throttling: the TCP peer, or behind a reverse proxy
// the operator trusts, the client that proxy saw.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace giaoban::api {

class TrustedProxies {
 public:
  // Addresses of the reverse proxies in front of the server (IPv4 or IPv6, as written by the
  // operator). Returns nullopt and names the culprit in `bad` if one is not an IP address.
  static std::optional<TrustedProxies> Parse(const std::vector<std::string>& addresses,
                                             std::string& bad);

  bool empty() const { return addresses_.empty(); }
  bool Contains(std::string_view address) const;

  // The client's address. Only when `peer` is a trusted proxy is X-Forwarded-For believed, and
  // only as far as trusted proxies wrote it: the right-most entry that is not itself a trusted
  // proxy was added by one and names the real client; anything left of it the client could have
  // sent. Without a usable entry the peer is the client.
  std::string ClientAddress(std::string_view peer,
                            std::optional<std::string_view> forwarded_for) const;

 private:
  std::set<std::string> addresses_;  // canonical text form
};

// The canonical text form of an IP address (IPv4-mapped IPv6 addresses as IPv4), or nullopt.
std::optional<std::string> CanonicalAddress(std::string_view text);

}  // namespace giaoban::api
