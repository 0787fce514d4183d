extension KeyedEncodingContainer {
    /// Encodes `value`, or an explicit `null` when it is nil: the wire format names every key of a
    /// shape, where Codable's default would leave an absent one out.
    mutating func encodeOrNull<Value: Encodable>(_ value: Value?, forKey key: Key) throws {
        if let value {
            try encode(value, forKey: key)
        } else {
            try encodeNil(forKey: key)
        }
    }
}
