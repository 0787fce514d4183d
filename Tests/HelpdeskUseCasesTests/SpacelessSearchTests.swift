import Foundation
import HelpdeskCore
import HelpdeskUseCases
import Testing

/// Issue 11 §7: in scripts written without spaces, any substring of two or more characters finds a
/// ticket, by every path a search takes (list and count, subjects, descriptions and comments), within
/// what the user may see.
struct SpacelessSearchTests {
    private func numbers(_ fx: StoreFixture, _ text: String, by user: User) async throws -> [String] {
        var query = TicketQuery()
        query.search = text
        return try await fx.service.listTickets(query, by: user).tickets.map(\.ticket.number)
    }

    private func count(_ fx: StoreFixture, _ text: String, by user: User) async throws -> Int {
        var query = TicketQuery()
        query.search = text
        return try await fx.service.countTickets(query, by: user)
    }

    @Test(arguments: Engine.allCases) func anySubstringOfAChineseTitleFindsIt(engine: Engine) async throws {
        let fx = try await StoreFixture(engine)
        let printer = try await fx.file("打印机无法连接网络", by: fx.dan)
        _ = try await fx.file("网页打不开了怎么办", by: fx.dan)
        for found in ["打印机无法连接网络", "打印机", "连接", "打印", "网络", "机无", "法连接网", "连接*", "打印机 网络", "\"无法连接\""] {
            #expect(try await numbers(fx, found, by: fx.dan) == [printer], "\(found)")
            #expect(try await count(fx, found, by: fx.dan) == 1, "\(found)")
        }
        for missing in ["印打", "打印网络", "机器", "连接网络吗"] {
            #expect(try await numbers(fx, missing, by: fx.dan).isEmpty, "\(missing)")
        }
        #expect(Set(try await numbers(fx, "网", by: fx.dan)).count == 2, "a single character finds every run holding it")
        #expect(try await numbers(fx, "机", by: fx.dan) == [printer], "at the end of a pair as well as its start")
        #expect(try await numbers(fx, "打印", by: fx.erin).isEmpty, "another customer's ticket stays out of sight")
        #expect(try await count(fx, "打印", by: fx.erin) == 0)
    }

    @Test(arguments: Engine.allCases) func japaneseKoreanAndThaiAreFoundInsideTheirRuns(engine: Engine) async throws {
        let fx = try await StoreFixture(engine)
        let japanese = try await fx.file("プリンターが接続できません", by: fx.dan)
        let korean = try await fx.file("프린터가 연결되지 않습니다", by: fx.dan)
        let thai = try await fx.file("เครื่องพิมพ์เชื่อมต่อไม่ได้", by: fx.dan)
        let mixed = try await fx.file("The Wi-Fi打印机 fails since Monday", by: fx.dan)
        for (search, expected) in [
            ("プリンター", japanese), ("接続", japanese), ("できません", japanese),
            ("프린터", korean), ("연결", korean),
            ("เครื่องพิมพ์", thai), ("พิมพ์", thai), ("เชื่อมต่อ", thai), ("ไม่ได้", thai),
            ("fi打印", mixed), ("\"wi fi 打印机 fails\"", mixed), ("Monday", mixed), ("fails 打印", mixed),
        ] {
            #expect(try await numbers(fx, search, by: fx.dan) == [expected], "\(search)")
        }
    }

    @Test(arguments: Engine.allCases) func commentsAreSearchedTheSameWayAndInternalNotesStayStaffOnly(engine: Engine) async throws {
        let fx = try await StoreFixture(engine)
        let number = try await fx.file("Printer cannot connect", by: fx.dan)
        _ = try await fx.service.assign(number: number, to: "alice@x.test", by: fx.admin)
        _ = try await fx.service.addComment(number: number, body: "已经重启了路由器", isInternal: false, by: fx.dan)
        _ = try await fx.service.addComment(number: number, body: "内部备注：固件有问题", isInternal: true, by: fx.alice)
        #expect(try await numbers(fx, "路由", by: fx.dan) == [number])
        #expect(try await numbers(fx, "重启", by: fx.alice) == [number])
        #expect(try await numbers(fx, "固件", by: fx.alice) == [number], "staff find internal notes")
        #expect(try await numbers(fx, "固件", by: fx.dan).isEmpty, "a customer never finds a ticket through an internal note")
        #expect(try await count(fx, "固件", by: fx.dan) == 0)
        #expect(try await numbers(fx, "备注", by: fx.dan).isEmpty)
    }

    @Test(arguments: Engine.allCases) func anEditedSubjectIsFoundByItsNewTextOnly(engine: Engine) async throws {
        let fx = try await StoreFixture(engine)
        let number = try await fx.file("打印机无法连接网络", by: fx.dan)
        _ = try await fx.service.updateTicket(
            number: number, subject: "扫描仪无法启动了", description: nil, category: nil, expectedVersion: nil, by: fx.dan)
        #expect(try await numbers(fx, "扫描", by: fx.dan) == [number])
        #expect(try await numbers(fx, "打印", by: fx.dan).isEmpty)
        _ = try await fx.service.deleteTicket(number: number, by: fx.admin)
        _ = try await fx.service.purgeTicket(number: number, by: fx.admin)
        #expect(try await numbers(fx, "扫描", by: fx.admin).isEmpty, "a purged ticket is found no more")
    }

    /// Seeded: random Chinese texts over a few characters (so that substrings repeat and overlap),
    /// broken by punctuation, spaces and Latin words; every substring search must find exactly the
    /// tickets whose subject or description contains it.
    @Test(arguments: Engine.allCases) func randomSubstringsFindExactlyTheTicketsHoldingThem(engine: Engine) async throws {
        let fx = try await StoreFixture(engine)
        let seed = TestSeed(default: 711)
        await seed.run { random in
            let letters = Array("打印机网络连接无法")
            let breaks = ["，", " ", "。", " wifi ", "-"]
            func text(_ length: Int) -> String {
                (0..<length).map { _ in
                    random.next(below: 6) == 0 ? breaks[random.next(below: breaks.count)] : String(letters[random.next(below: letters.count)])
                }.joined()
            }
            var texts: [String: String] = [:]
            for _ in 0..<40 {
                let subject = "Ticket " + text(8), description = "Details " + text(20)
                let number = try await fx.service.createTicket(NewTicketInput(subject: subject, description: description), by: fx.dan).ticket.number
                texts[number] = subject + "\n" + description
            }
            for _ in 0..<150 {
                let search = (0..<(1 + random.next(below: 4))).map { _ in String(letters[random.next(below: letters.count)]) }.joined()
                var query = TicketQuery()
                query.search = search
                query.limit = TicketQuery.maximumLimit
                let found = Set(try await fx.service.listTickets(query, by: fx.dan).tickets.map(\.ticket.number))
                let expected = Set(texts.filter { $0.value.contains(search) }.keys)
                #expect(found == expected, "\(search): \(found.subtracting(expected)) found too many, \(expected.subtracting(found)) missed; \(seed)")
            }
        }
    }
}
