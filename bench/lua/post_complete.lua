-- POST /api/v1/tasks/{id}/complete: each request completes a task of its own from BENCH_IDS
-- (threads take disjoint shares); a list too short for the run shows as non-2xx answers.
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
  local i = common.position(n)
  n = n + 1
  local id = ids[i] or ids[#ids]
  local body = string.format('{"result_doc_number": "%d/BC", "note": "Hoàn thành %d"}', i, i)
  return wrk.format("POST", "/api/v1/tasks/" .. id .. "/complete", common.headers(), body)
end
