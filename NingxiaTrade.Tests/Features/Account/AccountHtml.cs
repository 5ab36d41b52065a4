using System.Net;
using System.Text.RegularExpressions;
using NingxiaTrade.Tests.Support;

namespace NingxiaTrade.Tests.Features.Account;

/// <summary>Reads and posts the static-rendered account pages the way a browser does.</summary>
public static partial class AccountHtml
{
    /// <summary>Posts a page's form: fetches the page for its antiforgery token, then posts the fields.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(
        HttpClient client, string url, string formName, IDictionary<string, string>? fields = null)
    {
        var page = await client.GetStringAsync(url);
        var form = new Dictionary<string, string>(fields ?? new Dictionary<string, string>())
        {
            ["__RequestVerificationToken"] = HttpLogin.AntiforgeryToken(page),
            ["_handler"] = formName,
        };
        return await client.PostAsync(url, new FormUrlEncodedContent(form));
    }

    /// <summary>
    /// The text a person reads on an account page: the title, the account layout from the app bar to the
    /// footer (the app-wide reconnect dialog is not part of it), and placeholders and labels of controls.
    /// </summary>
    public static string VisibleText(string html)
    {
        var start = html.IndexOf("<header class=\"acct-appbar\"", StringComparison.Ordinal);
        var end = html.IndexOf("</footer>", start, StringComparison.Ordinal);
        var layout = html[start..end];
        var title = TitlePattern().Match(html).Groups[1].Value;
        var attributes = AttributePattern().Matches(layout).Select(m => m.Groups[2].Value);
        var body = TagPattern().Replace(SvgPattern().Replace(layout, " "), " ");
        return WebUtility.HtmlDecode(string.Join(" ", [title, body, .. attributes]));
    }

    /// <summary>Every account page: Chinese text, no template English, inside the workbench app bar.</summary>
    public static void AssertChinesePage(string html)
    {
        Assert.Contains("<header class=\"acct-appbar\"", html);
        var text = VisibleText(html);
        Assert.Matches(CjkPattern(), text);
        var english = EnglishPattern().Matches(text).Select(m => m.Value).ToList();
        Assert.True(english.Count == 0, $"页面含英文界面文字：{string.Join("，", english)}\n{text}");
    }

    public static string? Location(HttpResponseMessage response) => response.Headers.Location?.ToString();

    [GeneratedRegex("<title>([^<]*)</title>")]
    private static partial Regex TitlePattern();

    [GeneratedRegex("\\b(placeholder|aria-label|title)=\"([^\"]*)\"")]
    private static partial Regex AttributePattern();

    [GeneratedRegex("<svg.*?</svg>", RegexOptions.Singleline)]
    private static partial Regex SvgPattern();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex TagPattern();

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex CjkPattern();

    // The template's English, word for word; product names such as "Microsoft Authenticator" are allowed.
    [GeneratedRegex(@"\b(Log ?in|Log out|Logout|Password|[Tt]wo-factor|2FA|Manage your account|[Aa]uthenticator (app|code|key)|[Rr]ecovery [Cc]odes?|Error|Verify|Save|Profile|Phone|Username|Email|Access denied|Locked out|Invalid|Remember|Reset|Disable|Enable|Generate|Forget)\b")]
    private static partial Regex EnglishPattern();
}
