-- GET /api/v1/tasks/{id}: a task drawn at random from BENCH_IDS with every request, as leaders open
-- different tasks; authenticated with the session of post_common.
package.path = package.path .. ";" .. os.getenv("BENCH_LUA") .. "/?.lua"
local common = require("post_common")
setup = common.setup
done = common.done

local ids
function init(args)
  ids = common.read_ids(os.getenv("BENCH_IDS"))
  math.randomseed(os.time() + thread_no)
end

function request()
  return wrk.format("GET", "/api/v1/tasks/" .. ids[math.random(#ids)], common.headers())
end
