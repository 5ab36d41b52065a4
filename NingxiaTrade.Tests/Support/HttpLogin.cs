using System.Net;
using System.Text.RegularExpressions;

namespace NingxiaTrade.Tests.Support;

/// <summary>Signs in through the real login form (antiforgery token and all), as a browser would.</summary>
public static partial class HttpLogin
{
    /// <summary>Posts the login form; returns the response (302 to the return URL on success).</summary>
    public static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string email, string password)
    {
        var page = await client.GetStringAsync("/Account/Login");
        var token = AntiforgeryToken(page);
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["_handler"] = "login",
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        return await client.PostAsync("/Account/Login", form);
    }

    public static async Task LoginAsync(HttpClient client, string email, string password)
    {
        var response = await PostLoginAsync(client, email, password);
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.ToString().Contains("Lockout") == true)
        {
            throw new InvalidOperationException($"登录 {email} 失败：{response.StatusCode} {response.Headers.Location}");
        }
    }

    public static string AntiforgeryToken(string html) =>
        TokenPattern().Match(html) is { Success: true } m
            ? WebUtility.HtmlDecode(m.Groups[1].Value)
            : throw new InvalidOperationException("页面中没有防伪令牌。");

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
