-- POST /api/v1/tasks/{id}/updates: a progress report per request, each with its own text, spread
-- over the open tasks listed in BENCH_IDS (each thread takes every thread_count-th one).
package.path = package.path .. ";" .. os.getenv("BENCH_LUA") .. "/?.lua"
local common = require("post_common")
setup = common.setup
done = common.done

local ids, n
function init(args)
  ids = common.read_ids(os.getenv("BENCH_IDS"))
  n = 0
end

function request()
  local id = ids[(common.position(n) - 1) % #ids + 1]
  n = n + 1
  local body = string.format('{"body": "Báo cáo tiến độ %d-%d", "percent": %d}', thread_no, n,
    n % 100)
  return wrk.format("POST", "/api/v1/tasks/" .. id .. "/updates", common.headers(), body)
end
