#include "api/client_address.h"

#include <boost/asio/ip/address.hpp>

namespace giaoban::api {

namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// Proxies write the address alone, but some add a port ("203.0.113.7:5123", "[2001:db8::1]:443").
std::string_view WithoutPort(std::string_view entry) {
  if (entry.size() > 2 && entry.front() == '[') {
    const auto close = entry.find(']');
    if (close != std::string_view::npos) return entry.substr(1, close - 1);
  }
  const auto colon = entry.find(':');
  if (colon != std::string_view::npos && entry.find(':', colon + 1) == std::string_view::npos)
    return entry.substr(0, colon);  // one colon: IPv4 with a port; IPv6 has several
  return entry;
}

}  // namespace

std::optional<std::string> CanonicalAddress(std::string_view text) {
  boost::system::error_code ec;
  auto address = boost::asio::ip::make_address(std::string(text), ec);
  if (ec) return std::nullopt;
  if (address.is_v6() && address.to_v6().is_v4_mapped())
    return boost::asio::ip::make_address_v4(boost::asio::ip::v4_mapped, address.to_v6())
        .to_string();
  return address.to_string();
}

std::optional<TrustedProxies> TrustedProxies::Parse(const std::vector<std::string>& addresses,
                                                    std::string& bad) {
  TrustedProxies proxies;
  for (const std::string& text : addresses) {
    auto canonical = CanonicalAddress(Trim(text));
    if (!canonical) {
      bad = text;
      return std::nullopt;
    }
    proxies.addresses_.insert(*canonical);
  }
  return proxies;
}

bool TrustedProxies::Contains(std::string_view address) const {
  auto canonical = CanonicalAddress(address);
  return canonical && addresses_.count(*canonical) > 0;
}

std::string TrustedProxies::ClientAddress(std::string_view peer,
                                          std::optional<std::string_view> forwarded_for) const {
  if (!forwarded_for || !Contains(peer)) return std::string(peer);
  std::string_view rest = *forwarded_for;
  while (!rest.empty()) {
    const auto comma = rest.rfind(',');
    const std::string_view entry =
        Trim(comma == std::string_view::npos ? rest : rest.substr(comma + 1));
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(0, comma);
    if (entry.empty()) continue;
    auto canonical = CanonicalAddress(WithoutPort(entry));
    // A trusted proxy wrote this entry, so it is what that proxy saw; an unreadable one is not
    // an address to throttle by, and nothing left of it can be trusted either.
    if (!canonical) break;
    if (addresses_.count(*canonical) == 0) return *canonical;
  }
  return std::string(peer);
}

}  // namespace giaoban::api
