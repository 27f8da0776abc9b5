using System.Text;
using CsCheck;

namespace IntegrationHub.Testing.Hostile;

/// <summary>
/// Text from the whole range of what a string can hold, not only the polite part, as JSON string literals written by
/// hand: a C# string cannot carry every case (an escaped lone surrogate) and a serialiser would tidy the rest away.
/// </summary>
public static class HostileText
{
    /// <summary>Text a person or a system might well send: exotic but text. A field may accept it or refuse it, for a reason it names.</summary>
    public static readonly Gen<string> Exotic = Gen.OneOf<string>(
        Gen.OneOf(
            "👩‍👩‍👧‍👦🏳️‍🌈", "\u202eevil\u202c", "\u200b\u200c\u200d\u2060\ufeff", "e\u0301\u0302\u0303\u0304\u0305\u0306\u0307", "ﷺ ﷽", "שלום عليكم",
            "Z̴̡̛̗͖͉̲̻̮̬̜͚͓̗̤͓̈́̑̐̔͊a̵̢̨͉̻̲̙̤l̸̨̻͈̬̈́ģ̸̛͕̜̀̓o", "'; DROP TABLE \"Referrals\"; --", "' OR '1'='1", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
            "{{7*7}}${7*7}", "${jndi:ldap://x/a}", "../../../../etc/passwd", "%00%0d%0a", "\r\n\r\nHTTP/1.1 200 OK", "\t\u000b\u000c", "\u0001\u0002\u001b[31m\u007f\u0085\u009f",
            "\uffff\ufffe\ufffd", "𝕳𝖊𝖑𝖑𝖔 😀 𠜎", "null", "true", "[]", "{}", "-0", "1e400", "NaN", "\\", "\"", "\u2028\u2029", " ", ""),
        Gen.String[Gen.Char[' ', '\ud7ff'], 0, 40],
        Gen.Char[' ', '~'].Array[10_000, 100_000].Select(c => new string(c)))
        .Select(Literal);

    /// <summary>Text no field of the hub may keep: a NUL (PostgreSQL cannot store it), a lone or reversed surrogate (not text at all), or a control character left raw (not JSON).</summary>
    public static readonly Gen<(string Json, string What)> Broken = Gen.OneOf<(string Json, string What)>(
        Exotic.Select(t => ($"\"a\\u0000{t[1..]}", "a NUL in a string")),
        Gen.OneOf(
            ("\"\\ud800\"", "a lone high surrogate"),
            ("\"a\\udfffb\"", "a lone low surrogate"),
            ("\"\\udc00\\ud800\"", "a reversed surrogate pair"),
            ("\"\\u0000\"", "only a NUL"),
            ("\"a\u0001b\"", "a raw control character in a string"),
            ("\"a\nb\"", "a raw line feed in a string"),
            ("\"\\x41\"", "an escape JSON does not have"),
            ("\"\\u12\"", "a short unicode escape")));

    /// <summary>A JSON string literal of the text, escaping only what JSON must escape, and every surrogate, so a lone one survives.</summary>
    public static string Literal(string text)
    {
        var json = new StringBuilder("\"");
        foreach (var c in text)
        {
            json.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                < ' ' or (>= '\ud800' and <= '\udfff') => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }

        return json.Append('"').ToString();
    }
}
