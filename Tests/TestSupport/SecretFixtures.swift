import Foundation

/// Credentials in their real formats (none of them live).
public enum SecretFixtures {
    /// A classic PAT: `ghp_` + 30 random characters + the base62 CRC32 of those 30, as GitHub mints them.
    public static let githubToken: String = {
        let random = "R4nd0mPartOfAT0kenXyZ12345abcd"
        return "ghp_" + random + base62(crc32(Array(random.utf8)), width: 6)
    }()

    public static let privateKeyBody = "MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gunVTLw7onLRnrq0"
    public static let privateKey = "-----BEGIN RSA PRIVATE KEY-----\n\(privateKeyBody)\nxyzT1Zx2m3qC4A==\n-----END RSA PRIVATE KEY-----"

    public static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = (crc >> 1) ^ (0xEDB8_8320 & (0 &- (crc & 1))) }
        }
        return ~crc
    }

    public static func base62(_ value: UInt32, width: Int) -> String {
        let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
        var number = value
        var digits: [Character] = []
        repeat {
            digits.append(alphabet[Int(number % 62)])
            number /= 62
        } while number > 0
        return String(repeating: "0", count: max(0, width - digits.count)) + String(digits.reversed())
    }
}
