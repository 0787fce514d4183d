-- GET /api/v1/tickets/:id over the ticket numbers in the file IDS, one at random per request.
local token = os.getenv("TOKEN")
local ids = {}
for line in io.lines(os.getenv("IDS")) do ids[#ids + 1] = line end

function init(args)
  math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)"), 16) % 100000)
end

function request()
  local id = ids[math.random(#ids)]
  return wrk.format("GET", "/api/v1/tickets/" .. id, { ["Authorization"] = "Bearer " .. token })
end
