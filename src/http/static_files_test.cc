#include "http/static_files.h"

#include <gtest/gtest.h>

#include <fstream>
#include <random>

namespace giaoban::http {
namespace {

namespace fs = std::filesystem;

class StaticFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ =
        fs::temp_directory_path() / ("giaoban-static-" + std::to_string(std::random_device{}()));
    fs::create_directories(root_ / "assets");
    Write("index.html", "<!doctype html><title>giaoban</title>");
    Write("assets/index-3f2a.js", std::string(4000, 'x'));
    Write("assets/index-3f2a.js.gz", "small");
    Write("assets/big-1.css", "a{}");
    Write("assets/big-1.css.gz", "compressed form larger than the file");
    Write("favicon.svg", "<svg/>");
  }
  void TearDown() override { fs::remove_all(root_); }

  void Write(const std::string& name, const std::string& bytes) {
    std::ofstream(root_ / name, std::ios::binary) << bytes;
  }

  StaticFiles Load() {
    std::string error;
    auto files = StaticFiles::Load(root_, error);
    EXPECT_TRUE(files) << error;
    return std::move(*files);
  }

  static Request Get(std::string path) {
    Request r;
    r.method = "GET";
    r.path = std::move(path);
    r.target = r.path;
    return r;
  }

  static std::optional<std::string> Header(const Response& r, std::string_view name) {
    for (const auto& [n, v] : r.headers)
      if (n == name) return v;
    return std::nullopt;
  }

  fs::path root_;
};

TEST_F(StaticFilesTest, RefusesADirectoryWithoutIndex) {
  fs::remove(root_ / "index.html");
  std::string error;
  EXPECT_FALSE(StaticFiles::Load(root_, error));
  EXPECT_NE(error.find("index.html"), std::string::npos);
}

TEST_F(StaticFilesTest, RootAndAppRoutesServeIndexRevalidatedWithPolicy) {
  auto files = Load();
  for (const char* path : {"/", "/tasks", "/tasks/12", "/sources/3/edit"}) {
    Response r = files.Serve(Get(path));
    EXPECT_EQ(r.status, 200) << path;
    EXPECT_EQ(r.body, "<!doctype html><title>giaoban</title>") << path;
    EXPECT_EQ(r.content_type, "text/html; charset=utf-8");
    EXPECT_EQ(Header(r, "Cache-Control"), "no-cache");
    auto csp = Header(r, "Content-Security-Policy");
    ASSERT_TRUE(csp);
    EXPECT_NE(csp->find("script-src 'self';"), std::string::npos);
    EXPECT_EQ(csp->find("unsafe-eval"), std::string::npos);
  }
}

TEST_F(StaticFilesTest, HashedAssetsAreImmutableAndMissingOnesAre404) {
  auto files = Load();
  Response js = files.Serve(Get("/assets/index-3f2a.js"));
  EXPECT_EQ(js.status, 200);
  EXPECT_EQ(js.content_type, "text/javascript; charset=utf-8");
  EXPECT_EQ(Header(js, "Cache-Control"), "public, max-age=31536000, immutable");
  EXPECT_FALSE(Header(js, "Content-Security-Policy"));
  EXPECT_EQ(files.Serve(Get("/assets/index-old.js")).status, 404);
  EXPECT_EQ(files.Serve(Get("/assets/gone")).status, 404);
  EXPECT_EQ(files.Serve(Get("/robots.txt")).status, 404);
  EXPECT_EQ(files.Serve(Get("/favicon.svg")).content_type, "image/svg+xml");
}

TEST_F(StaticFilesTest, GzipOnlyWhenAcceptedAndSmaller) {
  auto files = Load();
  Request request = Get("/assets/index-3f2a.js");
  EXPECT_EQ(files.Serve(request).body.size(), 4000u);
  for (const char* accept : {"gzip", "br, gzip, deflate", "gzip;q=0.5", "*"}) {
    request.headers["Accept-Encoding"] = accept;
    Response r = files.Serve(request);
    EXPECT_EQ(r.body, "small") << accept;
    EXPECT_EQ(Header(r, "Content-Encoding"), "gzip") << accept;
    EXPECT_EQ(Header(r, "Vary"), "Accept-Encoding");
  }
  for (const char* refuse : {"gzip;q=0", "br", "identity", "gzip;q=0.0"}) {
    request.headers["Accept-Encoding"] = refuse;
    EXPECT_EQ(files.Serve(request).body.size(), 4000u) << refuse;
  }
  Request css = Get("/assets/big-1.css");
  css.headers["Accept-Encoding"] = "gzip";
  Response r = files.Serve(css);
  EXPECT_EQ(r.body, "a{}");
  EXPECT_FALSE(Header(r, "Content-Encoding"));
  EXPECT_EQ(files.file_count(), 4u);
}

TEST_F(StaticFilesTest, EntityTagsRevalidate) {
  auto files = Load();
  Request request = Get("/");
  const auto etag = Header(files.Serve(request), "ETag");
  ASSERT_TRUE(etag);
  EXPECT_EQ(etag->front(), '"');
  // The same bytes give the same tag in every process, so any server of several can answer 304.
  EXPECT_EQ(Load().Serve(request).headers, files.Serve(request).headers);
  request.headers["If-None-Match"] = "\"other\", W/" + *etag;
  Response not_modified = files.Serve(request);
  EXPECT_EQ(not_modified.status, 304);
  EXPECT_TRUE(not_modified.body.empty());
  request.headers["If-None-Match"] = "\"other\"";
  EXPECT_EQ(files.Serve(request).status, 200);
  Write("index.html", "<!doctype html><title>giaoban 2</title>");
  EXPECT_NE(Header(Load().Serve(Get("/")), "ETag"), etag);
}

TEST_F(StaticFilesTest, OnlyGet) {
  auto files = Load();
  Request post = Get("/");
  post.method = "POST";
  Response r = files.Serve(post);
  EXPECT_EQ(r.status, 405);
  EXPECT_EQ(Header(r, "Allow"), "GET");
}

}  // namespace
}  // namespace giaoban::http
