-- One wrk script for every load-test scenario (run by run-load.ps1 from this folder):
--   wrk -t2 -c64 -d10s --latency -s scenario.lua http://127.0.0.1:5200 -- <kind> <arguments>
-- kinds:
--   plain  <path>                       GET <path>, no credentials (the ceiling)
--   bearer <path> <tokens file>         GET <path> with "Authorization: Bearer <token>", rotating through the file
--   cookie <path> <cookies file>        GET <path> with the Better Auth session cookie, rotating through the file
--   post   <path> <tokens file>         POST a new todo as JSON with a rotating bearer token
--   signin <path> <emails file> <password file>   POST email + password as JSON, rotating through the accounts
-- Each thread starts at its own place in the file, so the threads present different credentials at once.
-- At the end one line "BENCH_JSON {...}" carries the totals, the latency percentiles and every status code seen.

local threads = {}
local thread_count = 0

function setup(thread)
  thread:set("thread_index", thread_count)
  thread_count = thread_count + 1
  table.insert(threads, thread)
end

local function read_lines(path)
  local lines = {}
  for line in io.lines(path) do
    if #line > 0 then lines[#lines + 1] = line end
  end
  if #lines == 0 then error("no lines in " .. path) end
  return lines
end

local function json_string(value)
  return '"' .. value:gsub('\\', '\\\\'):gsub('"', '\\"') .. '"'
end

local function build(kind, args)
  local path = args[2]
  local list = {}
  if kind == "plain" then
    list[1] = wrk.format("GET", path)
  elseif kind == "bearer" then
    for _, token in ipairs(read_lines(args[3])) do
      list[#list + 1] = wrk.format("GET", path, { ["Authorization"] = "Bearer " .. token })
    end
  elseif kind == "cookie" then
    for _, cookie in ipairs(read_lines(args[3])) do
      list[#list + 1] = wrk.format("GET", path, { ["Cookie"] = "better-auth.session_token=" .. cookie })
    end
  elseif kind == "post" then
    local body = '{"title":"Written by the load test","description":"One of many.","priority":"high"}'
    for _, token in ipairs(read_lines(args[3])) do
      list[#list + 1] = wrk.format("POST", path,
        { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" }, body)
    end
  elseif kind == "signin" then
    local password = read_lines(args[4])[1]
    for _, email in ipairs(read_lines(args[3])) do
      local body = '{"email":' .. json_string(email) .. ',"password":' .. json_string(password) .. '}'
      list[#list + 1] = wrk.format("POST", path, { ["Content-Type"] = "application/json" }, body)
    end
  else
    error("unknown scenario kind: " .. tostring(kind))
  end
  return list
end

function init(args)
  statuses = {}
  prepared = build(args[1], args)
  position = (thread_index * 7919) % #prepared
end

function request()
  position = position % #prepared + 1
  return prepared[position]
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local counts = {}
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("statuses")) do
      counts[status] = (counts[status] or 0) + count
    end
  end
  local parts = {}
  for status, count in pairs(counts) do
    parts[#parts + 1] = string.format('"%d":%d', status, count)
  end
  local e = summary.errors
  io.write(string.format(
    'BENCH_JSON {"requests":%d,"duration_us":%d,"bytes":%d,"latency_mean_us":%.1f,"latency_max_us":%d,' ..
    '"p50_us":%d,"p90_us":%d,"p99_us":%d,"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d},' ..
    '"statuses":{%s}}\n',
    summary.requests, summary.duration, summary.bytes, latency.mean, latency.max,
    latency:percentile(50), latency:percentile(90), latency:percentile(99),
    e.connect, e.read, e.write, e.status, e.timeout, table.concat(parts, ",")))
end
