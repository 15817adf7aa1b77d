-- GET of BENCH_PATH with the session of post_common, counting the answers that were not 2xx.
package.path = package.path .. ";" .. os.getenv("BENCH_LUA") .. "/?.lua"
local common = require("post_common")
setup = common.setup
done = common.done

function request()
  return wrk.format("GET", os.getenv("BENCH_PATH"), common.headers())
end
