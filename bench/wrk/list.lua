-- GET /api/v1/tickets: the first page of what the agent sees (no filters).
local token = os.getenv("TOKEN")
wrk.method = "GET"
wrk.path = "/api/v1/tickets"
wrk.headers["Authorization"] = "Bearer " .. token
