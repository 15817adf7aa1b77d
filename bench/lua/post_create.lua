-- POST /api/v1/tasks: a new task per request, each with its own title.
package.path = package.path .. ";" .. os.getenv("BENCH_LUA") .. "/?.lua"
local common = require("post_common")
setup = common.setup
done = common.done

local n = 0
function request()
  n = n + 1
  local body = string.format(
    '{"source_id": %s, "lead_org_id": %s, "title": "Nhiệm vụ đo tải %d-%d", ' ..
    '"content": "Tạo bởi bench/post_bench.sh", "deadline": "%s"}',
    os.getenv("BENCH_SOURCE"), os.getenv("BENCH_LEAD_ORG"), thread_no, n, os.getenv("BENCH_DEADLINE"))
  return wrk.format("POST", "/api/v1/tasks", common.headers(), body)
end
