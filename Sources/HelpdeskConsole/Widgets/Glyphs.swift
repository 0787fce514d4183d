/// The box and mark characters, with an ASCII set for terminals and locales without UTF-8.
public struct Glyphs: Sendable, Equatable {
    public var horizontal, vertical, topLeft, topRight, bottomLeft, bottomRight: String
    public var ellipsis, paused, internalMark, selected, unread: String

    public static let unicode = Glyphs(
        horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘",
        ellipsis: "…", paused: "‖", internalMark: "▌", selected: "▶", unread: "●")
    public static let ascii = Glyphs(
        horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+",
        ellipsis: "~", paused: "=", internalMark: "#", selected: ">", unread: "*")
}
