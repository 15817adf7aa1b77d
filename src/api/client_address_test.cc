#include "api/client_address.h"

#include <gtest/gtest.h>

namespace giaoban::api {
namespace {

TrustedProxies Proxies(std::vector<std::string> addresses) {
  std::string bad;
  auto proxies = TrustedProxies::Parse(addresses, bad);
  EXPECT_TRUE(proxies) << bad;
  return *proxies;
}

TEST(ClientAddressTest, WithoutTrustedProxiesThePeerIsTheClient) {
  const TrustedProxies none = Proxies({});
  EXPECT_EQ(none.ClientAddress("127.0.0.1", "203.0.113.9"), "127.0.0.1");
  EXPECT_EQ(none.ClientAddress("198.51.100.4", std::nullopt), "198.51.100.4");
}

TEST(ClientAddressTest, AnUntrustedPeerCannotClaimAnotherAddress) {
  const TrustedProxies proxies = Proxies({"127.0.0.1"});
  EXPECT_EQ(proxies.ClientAddress("198.51.100.4", "203.0.113.9"), "198.51.100.4");
}

TEST(ClientAddressTest, BehindATrustedProxyTheRightMostUntrustedEntryCounts) {
  const TrustedProxies proxies = Proxies({"127.0.0.1", "10.0.0.2"});
  EXPECT_EQ(proxies.ClientAddress("127.0.0.1", "203.0.113.9"), "203.0.113.9");
  // The client wrote "1.2.3.4" itself; the proxy appended the address it really saw.
  EXPECT_EQ(proxies.ClientAddress("127.0.0.1", "1.2.3.4, 203.0.113.9"), "203.0.113.9");
  // Two proxies in a row: the inner one's entry is skipped.
  EXPECT_EQ(proxies.ClientAddress("127.0.0.1", "1.2.3.4,203.0.113.9 , 10.0.0.2"), "203.0.113.9");
  EXPECT_EQ(proxies.ClientAddress("127.0.0.1", "203.0.113.9:51234"), "203.0.113.9");
  EXPECT_EQ(proxies.ClientAddress("127.0.0.1", "[2001:db8::7]:443"), "2001:db8::7");
  EXPECT_EQ(proxies.ClientAddress("127.0.0.1", "2001:DB8:0::7"), "2001:db8::7");
}

TEST(ClientAddressTest, WithoutAUsableEntryTheProxyIsTheClient) {
  const TrustedProxies proxies = Proxies({"127.0.0.1", "10.0.0.2"});
  EXPECT_EQ(proxies.ClientAddress("127.0.0.1", std::nullopt), "127.0.0.1");
  EXPECT_EQ(proxies.ClientAddress("127.0.0.1", ""), "127.0.0.1");
  EXPECT_EQ(proxies.ClientAddress("127.0.0.1", "10.0.0.2"), "127.0.0.1");
  EXPECT_EQ(proxies.ClientAddress("127.0.0.1", "203.0.113.9, not-an-address"), "127.0.0.1");
}

TEST(ClientAddressTest, AddressesCompareInCanonicalForm) {
  const TrustedProxies proxies = Proxies({"::ffff:127.0.0.1", "2001:db8:0:0::1"});
  EXPECT_TRUE(proxies.Contains("127.0.0.1"));
  EXPECT_TRUE(proxies.Contains("2001:db8::1"));
  EXPECT_FALSE(proxies.Contains("127.0.0.2"));
  EXPECT_EQ(proxies.ClientAddress("2001:db8::1", "203.0.113.9"), "203.0.113.9");
  std::string bad;
  EXPECT_FALSE(TrustedProxies::Parse({"127.0.0.1", "proxy.example"}, bad));
  EXPECT_EQ(bad, "proxy.example");
}

}  // namespace
}  // namespace giaoban::api
