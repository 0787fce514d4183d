-- POST /api/v1/tickets/:id/comments (a public reply) over the ticket numbers in the file IDS.
local token = os.getenv("TOKEN")
local ids = {}
for line in io.lines(os.getenv("IDS")) do ids[#ids + 1] = line end
local headers = { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" }
local body = '{"body": "Thanks, we are looking into it (wrk).", "internal": false}'

function init(args)
  math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)"), 16) % 100000)
end

function request()
  local id = ids[math.random(#ids)]
  return wrk.format("POST", "/api/v1/tickets/" .. id .. "/comments", headers, body)
end
