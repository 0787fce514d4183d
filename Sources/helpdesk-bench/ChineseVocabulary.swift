/// Words for generated Chinese text (issue 11 §7): support vocabulary first, then two-character
/// words built from common characters, ranked by frequency (Zipf) like `Vocabulary`, written without
/// spaces, so that search meets runs whose substrings are common and rare.
struct ChineseVocabulary {
    static let base = """
        问题 无法 登录 密码 重置 账户 发票 付款 退款 收费 导出 导入 报告 同步 上传 下载 邮件 通知 服务器 超时 \
        崩溃 缓慢 页面 仪表板 用户 管理员 权限 访问 接口 集成 手机 应用 浏览器 更新 升级 版本 错误 功能 请求 \
        支持 套餐 订阅 试用 取消 续订 许可 团队 项目 文件夹 文件 文档 附件 图片 视频 搜索 筛选 打印机 网络 \
        连接 路由器 设置 安全 证书 域名 代理 防火墙 数据库 备份 恢复 迁移 性能 内存 磁盘 存储 配额 限制 \
        客户 订单 发货 地址 税费 价格 折扣 收据 请帮忙 谢谢 紧急 损坏 丢失 失败 卡住 昨天 今天 早上
        """.split(separator: " ").map(String.init)

    /// Frequent characters from which the tail of the vocabulary is built.
    static let characters = Array("的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解")

    let words: [String]
    private let cumulative: [Double]

    init(size: Int = 5_000) {
        var words = Self.base
        var seen = Set(words)
        let characters = Self.characters
        var index = 0
        while words.count < size {
            let word = String([characters[index % characters.count], characters[(index / characters.count + index * 7) % characters.count]])
            if seen.insert(word).inserted { words.append(word) }
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

    /// `count` words without spaces, a comma every few words and a full stop at the end.
    func sentence(_ count: Int, _ random: inout SplitMix64Source) -> String {
        var text = ""
        for n in 0..<count {
            text += word(&random)
            if n % 6 == 5 && n < count - 1 { text += "，" }
        }
        return text + "。"
    }
}
