-- One wrk script for every scenario. Arguments after "--": method, credentials file, paths file[, body file]
--   credentials: one line per person, either "Cookie: SESSION=..." or "Authorization: Bearer ..."
--   paths: one request path per line; each request takes the next person and the next path (per thread, with
--   different start offsets), so the load spreads over many sessions and pages.
-- done() prints one line "BENCHJSON {...}" that bench/report.py reads.
local creds, paths, bodies = {}, {}, {}
local method = "GET"
local ci, pi, bi = 1, 1, 1
local threads = {}
local counter = 0

local function lines(file)
  local t = {}
  for line in io.lines(file) do if #line > 0 then t[#t + 1] = line end end
  return t
end

function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
  table.insert(threads, thread)
end

function init(args)
  method = args[1]
  creds = lines(args[2])
  paths = lines(args[3])
  if args[4] then bodies = lines(args[4]) end
  local offset = (id or 1) * 7919
  ci = offset % #creds + 1
  pi = offset % #paths + 1
  bi = offset % math.max(#bodies, 1) + 1
end

function request()
  local name, value = creds[ci]:match("^([^:]+):%s*(.*)$")
  local headers = { [name] = value }
  local body = nil
  if method == "POST" then
    headers["Content-Type"] = "application/json"
    body = bodies[bi]
    bi = bi % #bodies + 1
  end
  local path = paths[pi]
  ci = ci % #creds + 1
  pi = pi % #paths + 1
  return wrk.format(method, path, headers, body)
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'BENCHJSON {"requests":%d,"durationUs":%d,"bytes":%d,"rps":%.1f,"p50Ms":%.2f,"p95Ms":%.2f,"p99Ms":%.2f,' ..
    '"maxMs":%.2f,"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d}}\n',
    summary.requests, summary.duration, summary.bytes, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, e.connect, e.read, e.write, e.status, e.timeout))
end
