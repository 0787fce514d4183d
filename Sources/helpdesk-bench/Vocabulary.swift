/// Words for generated text, ranked by frequency (Zipf), so that full-text search meets both very
/// common terms and terms found in a handful of tickets.
struct Vocabulary {
    static let base = """
        error login password reset account billing invoice payment refund charge export import report sync \
        upload download email notification server timeout crash slow page dashboard user admin permission \
        access token api webhook integration mobile app browser chrome firefox safari windows linux mac \
        update upgrade version release bug feature request support plan subscription trial cancel renew \
        license seat team workspace project folder file document attachment image video audio search filter \
        sort column table chart graph calendar schedule reminder alert warning message chat phone call sms \
        verification code twofactor security certificate domain dns proxy firewall network connection \
        database backup restore migration performance memory disk storage quota limit rate throttle retry \
        queue job task workflow automation rule trigger template form field validation required optional \
        customer order shipping delivery address tax vat currency price discount coupon receipt statement \
        please thanks urgent asap broken missing wrong failed unable cannot stuck again still since yesterday \
        today morning week month screenshot attached steps reproduce expected actual happens sometimes always
        """.split(separator: " ").map(String.init)

    let words: [String]
    /// Cumulative Zipf weights over `words`, for sampling by binary search.
    private let cumulative: [Double]

    init(size: Int = 20_000) {
        var words = Self.base
        let syllables = ["ka", "lo", "mi", "ne", "ru", "ta", "vo", "zi", "pe", "sa", "do", "fu", "gi", "ho", "ju", "be"]
        var index = 0
        while words.count < size {
            var word = ""
            var n = index
            repeat {
                word += syllables[n % syllables.count]
                n /= syllables.count
            } while n > 0
            words.append(word + "x")
            index += 1
        }
        self.words = words
        var total = 0.0
        cumulative = (1...words.count).map { rank in
            total += 1 / Double(rank)
            return total
        }
    }

    func word(_ random: inout SplitMix64Source) -> String {
        let target = random.unit() * (cumulative.last ?? 1)
        var low = 0, high = cumulative.count - 1
        while low < high {
            let middle = (low + high) / 2
            if cumulative[middle] < target { low = middle + 1 } else { high = middle }
        }
        return words[low]
    }

    func sentence(_ count: Int, _ random: inout SplitMix64Source) -> String {
        (0..<count).map { _ in word(&random) }.joined(separator: " ")
    }
}
