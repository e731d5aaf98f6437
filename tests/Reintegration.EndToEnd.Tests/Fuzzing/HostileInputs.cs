namespace Reintegration.EndToEnd.Tests.Fuzzing;

/// <summary>
/// What a careless or hostile client sends. Path ids are URL text as sent (already percent-encoded); JSON values are
/// JSON text, so wrong types, odd numbers and escapes reach the server exactly as written here.
/// </summary>
internal static class HostileInputs
{
    /// <summary>
    /// Route values. Not here, as no function would see them: %00 (Kestrel refuses the request with 400 first) and
    /// dot segments such as ".." or %2E%2E (removed before routing, so the request goes to another route).
    /// </summary>
    public static readonly string[] PathIds =
    [
        "%3F", "%23", "%5C", "%20", "%0A", "%C0%AF", "%252D", "..%5C..", "...", "%FF", "%E2%80%AE", "%E2%80%8B",
        "%F0%9F%98%80", "%EF%BB%BF", "a%3Fb%3Dc", "x%23y", "%25", "%2B", "%22", "%27%20OR%201%3D1", "%3Cscript%3E", "*", "-", "0",
        "null", "CON", "%C3%A9", "GH%0D%0A", "a%09b", new string('a', 300), new string('7', 2000), "%2F",
    ];

    /// <summary>JSON strings: control characters, bidi overrides, zero-width, path tricks, lone surrogates, numbers as text.</summary>
    public static readonly string[] Strings =
    [
        "\"\"", "\" \"", "\"\\u0000\"", "\"a\\u0007b\"", "\"\\u202Eevil\\u202C\"", "\"a\\u200Bb\"", "\"\\uFEFF\"", "\"\\ud800\"",
        "\"\\udfff\\ud800\"", "\"..\"", "\"../../etc/passwd\"", "\"%3F\"", "\"%C0%AF\"", "\"%252D\"", "\"<script>alert(1)</script>\"",
        "\"' OR '1'='1\"", "\"DidNotDepart,Withdrew\"", "\"1\"", "\"-1\"", "\"1e300\"", "\"null\"", "\"true\"", "\"\\r\\n\"",
        "\"Ñandú 👩🏾‍🌾 ﷽ 漢字\"", "\"a\\\\b\"", "\"a/b\"", "\"\\t\"", "\"GH\\u0000\"", "\"{}\"", $"\"{new string('x', 5000)}\"",
        $"\"{new string('é', 70)}\"", "\"${jndi:ldap://x}\"", "\"{{7*7}}\"",
    ];

    /// <summary>Numbers at and beyond the edges of decimal, long and int, and forms System.Text.Json may or may not take.</summary>
    public static readonly string[] Numbers =
    [
        "1e-28", "1e300", "-1e300", "-0", "0", "-1", "0.001", "79228162514264337593543950335", "-79228162514264337593543950335",
        "7.9228162514264337593543950335E28", "1.0000000000000000000000000001", "2147483648", "9223372036854775808", "1.5", "NaN", "01",
    ];

    public static readonly string[] NumbersAsStrings = ["\"100\"", "\"1e-28\"", "\"0\"", "\"-1\"", "\"1,5\"", "\"\""];

    public static readonly string[] Dates =
    [
        "\"0001-01-01\"", "\"9999-12-31\"", "\"2026-02-30\"", "\"2026-13-01\"", "\"2026-00-10\"", "\"\"", "\"2026-01-15T10:00:00Z\"",
        "\"15-01-2026\"", "\"2026/01/15\"", "20260115", "\"today\"", "\"+002026-01-15\"", "\"2026-1-5\"", "\"0000-01-01\"", "\"10000-01-01\"",
    ];

    /// <summary>A value of the wrong JSON type, for any field.</summary>
    public static readonly string[] WrongTypes = ["{}", "[]", "true", "false", "null", "\"text\"", "12", "[1,2]", "{\"a\":1}", "[[]]", "[null]"];

    /// <summary>Whole bodies that are not the request's object.</summary>
    public static readonly string[] Bodies =
    [
        "", " ", "[]", "null", "\"text\"", "42", "true", "{", "}", "{\"a\":}", "{'a':1}", "{} {}", "{\"a\":1,}", "\u0000", "[{}]",
        "{\"__proto__\":{}}", "{\"$type\":\"System.Object\"}", "{\"a\":1 /* comment */}", "\uFEFF{}", "<xml/>", "a=1&b=2",
        new string('[', 300) + new string(']', 300), "{\"x\":\"" + new string('x', 70_000) + "\"}",
    ];

    public static readonly string[] ContentTypes =
    [
        "text/plain", "application/x-www-form-urlencoded", "application/xml", "multipart/form-data; boundary=x", "application/problem+json",
        "application/json; charset=iso-8859-1", "application/json; charset=utf-16", "APPLICATION/JSON", "application/jsonx", "json",
        "application/vnd.api+json", "*/*",
    ];

    public static readonly string[] ETags =
    [
        "garbage", "\"\"", "W/\"x\"", "\"a\", \"b\"", "\"00000000-0000-0000-0000-000000000000\"", "\"" + new string('e', 3000) + "\"",
        "\"%C0%AF\"", ",", "\"\\\"", "*, \"x\"",
    ];

    /// <summary>Idempotency keys; ASCII only, as HTTP headers are. "fuzz-repeated" is reused on purpose.</summary>
    public static readonly string[] IdempotencyKeys =
    [
        "fuzz-repeated", "", " ", "k", new string('k', 5000), "%C0%AF", "../x", "a b", "\"quoted\"", "key;other", "\t", "*", "0",
    ];

    public static readonly string[] QueryValues =
    [
        "", "%3F", "%C0%AF", "%00", "Referred,Arrived", "referred", "1", "-1", "0", "101", "2147483648", "1e10", "abc", "GH", "gh", "G",
        "GHA", "%E2%80%AE", new string('q', 3000), "eyJ0b2tlbiI6IngifQ%3D%3D", "%7B%22token%22%3A%22-RID%3A~x%22%7D", "W10%3D",
    ];
}
