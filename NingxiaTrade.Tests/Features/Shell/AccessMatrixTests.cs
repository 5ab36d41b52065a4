using System.Net;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Tests.Support;

namespace NingxiaTrade.Tests.Features.Shell;

/// <summary>
/// Who may open which page, checked over HTTP for every page of the route table and every caller. A page
/// added without a line in <see cref="Expected"/> fails the build's tests: access is declared, never assumed.
/// </summary>
public class AccessMatrixTests(AccessMatrixFixture fixture) : IClassFixture<AccessMatrixFixture>
{
    private const string LoginPath = "/Account/Login";
    private const string AccessDeniedPath = "/Account/AccessDenied";

    /// <summary>
    /// Route template → who may open it. Pages not yet merged are listed too; a template absent from the
    /// build is simply not exercised. A template ending in <c>/*</c> covers every page below it.
    /// </summary>
    private static readonly Dictionary<string, Access> Expected = new(StringComparer.OrdinalIgnoreCase)
    {
        ["/"] = Access.SignedIn,
        ["/not-found"] = Access.Anyone,
        ["/Error"] = Access.Anyone,
        ["/Account/Login"] = Access.Anyone,
        ["/Account/LoginWith2fa"] = Access.Anyone,
        ["/Account/LoginWithRecoveryCode"] = Access.Anyone,
        ["/Account/Lockout"] = Access.Anyone,
        ["/Account/AccessDenied"] = Access.Anyone,
        ["/Account/InvalidUser"] = Access.Anyone,
        ["/Account/Register"] = Access.Anyone,
        ["/Account/Manage"] = Access.SignedIn,
        ["/Account/Manage/*"] = Access.SignedIn,
        ["/admin/users"] = Access.Only(Roles.Admin),
        ["/admin/organisations"] = Access.Only(Roles.Admin),
        ["/admin/audit"] = Access.Only(Roles.Admin),
        ["/admin/api-keys"] = Access.Only(Roles.Admin),
        ["/admin/calendar"] = Access.Only(Roles.Admin),
        // Policy WorkflowDesigner: an Admin, or a CentreClerk holding the designer permission claim. The demo clerk
        // has no such claim, so here only the Admin passes; PublicWorkflowsApiTests checks the clerk-with-claim case.
        ["/admin/workflows"] = Access.Only(Roles.Admin),
        ["/admin/workflows/{Id:guid}"] = Access.Only(Roles.Admin),
        ["/admin/workflows/compare"] = Access.Only(Roles.Admin),
        // 公开服务流程 (五(二)): public service information, open without signing in.
        ["/public/workflows"] = Access.Anyone,
        ["/public/workflows/{Type}"] = Access.Anyone,
        ["/public/workflows/{Type}/{Method}"] = Access.Anyone,
        // 法制审核: a flow version that lowers a statutory figure waits for the legal office.
        ["/legal/workflows"] = Access.Only(Roles.LegalOfficer),
        ["/projects"] = Access.Only(Roles.Admin, Roles.CentreClerk, Roles.Tenderer, Roles.Agent, Roles.Supervisor),
        ["/projects/new"] = Access.Only(Roles.CentreClerk, Roles.Tenderer, Roles.Agent),
        ["/projects/{id:guid}"] = Access.Only(Roles.Admin, Roles.CentreClerk, Roles.Tenderer, Roles.Agent, Roles.Supervisor),
        ["/projects/{id:guid}/edit"] = Access.Only(Roles.CentreClerk, Roles.Tenderer, Roles.Agent),
        ["/projects/{id:guid}/redisclosure"] = Access.Only(Roles.CentreClerk, Roles.Tenderer, Roles.Agent),
        ["/approvals"] = Access.Only(Roles.Supervisor),
        ["/approvals/done"] = Access.Only(Roles.Supervisor),
        ["/bidding/notices"] = Access.Only(Roles.Bidder),
        ["/bidding/my-bids"] = Access.Only(Roles.Bidder),
        ["/bidding/projects/{ProjectId:guid}/bid"] = Access.Only(Roles.Bidder),
        // 开标室: the centre runs it, supervisors and the tenderer/agent watch, bidders take part (experts never attend);
        // the service admits only the project's own people and bidders of the lot.
        ["/bidding/openings/{OpeningId:guid}"] = Access.Only(Roles.CentreClerk, Roles.Supervisor, Roles.Tenderer, Roles.Agent, Roles.Bidder),
        ["/bidding/openings/{OpeningId:guid}/record"] = Access.Only(Roles.CentreClerk, Roles.Supervisor, Roles.Tenderer, Roles.Agent, Roles.Bidder),
        ["/public/bid-receipts/verify"] = Access.Anyone,
        ["/bidding/deposits"] = Access.Only(Roles.Bidder),
        // 澄清与修改 for bidders (the tenderer/agent, clerk and supervisor see them on the project page).
        ["/bidding/clarifications/{ProjectId:guid}"] = Access.Only(Roles.Bidder),
        ["/entities/mine"] = Access.Only(Roles.Bidder, Roles.Tenderer, Roles.Agent),
        ["/entities/review"] = Access.Only(Roles.CentreClerk),
        ["/entities"] = Access.Only(Roles.CentreClerk, Roles.Supervisor, Roles.Admin),
        ["/entities/{Id:guid}"] = Access.Only(Roles.CentreClerk, Roles.Supervisor, Roles.Admin),
        ["/public/signatures/verify"] = Access.Anyone,
        ["/credit"] = Access.Only(Roles.Supervisor, Roles.Admin),
        ["/credit/repairs"] = Access.Only(Roles.Supervisor),
        ["/public/credit"] = Access.Anyone,
        ["/public/audit-anchors"] = Access.Anyone,
        // 制度规则: the inventory and catalogue for departments, the legal office and the Admin; submission by
        // departments; the review by the legal office; the comment pages for anyone signed in (market entities too).
        ["/rules"] = Access.Only(Roles.Supervisor, Roles.LegalOfficer, Roles.Admin),
        ["/rules/new"] = Access.Only(Roles.Supervisor),
        ["/rules/{Id:guid}"] = Access.Only(Roles.Supervisor, Roles.LegalOfficer, Roles.Admin),
        ["/rules/{Id:guid}/edit"] = Access.Only(Roles.Supervisor),
        ["/rules/reviews"] = Access.Only(Roles.LegalOfficer),
        ["/rules/catalogue"] = Access.Only(Roles.Supervisor, Roles.LegalOfficer, Roles.Admin),
        ["/rules/comments"] = Access.SignedIn,
        ["/rules/comments/{Id:guid}"] = Access.SignedIn,
        ["/rules/templates"] = Access.Only(Roles.LegalOfficer, Roles.CentreClerk, Roles.Admin),
        // The catalogue in force is public (四(一)2).
        ["/public/rules"] = Access.Anyone,
        ["/experts"] = Access.Only(Roles.CentreClerk, Roles.Supervisor, Roles.Admin),
        ["/experts/{Id:guid}"] = Access.Only(Roles.CentreClerk, Roles.Supervisor, Roles.Admin),
        // The page lets clerks and supervisors in; ExpertDrawService decides per draw (the running clerk, supervisors).
        ["/experts/draws"] = Access.Only(Roles.CentreClerk, Roles.Supervisor),
        ["/experts/draws/{Id:guid}"] = Access.Only(Roles.CentreClerk, Roles.Supervisor),
        ["/experts/draws/{Id:guid}/verify"] = Access.Only(Roles.Supervisor),
        ["/experts/invitations"] = Access.Only(Roles.Expert),
        ["/experts/apply"] = Access.Only(Roles.Expert),
        ["/experts/applications"] = Access.Only(Roles.CentreClerk),
        ["/experts/import"] = Access.Only(Roles.CentreClerk),
        ["/experts/specialties"] = Access.Only(Roles.Admin),
        // 我的消息: every signed-in user, each seeing only their own (NotificationInbox checks); the e-mail outbox for the Admin.
        ["/notifications"] = Access.SignedIn,
        ["/admin/mail"] = Access.Only(Roles.Admin),
    };

    public static TheoryData<string> Callers => [AccessMatrixFixture.Anonymous, .. Roles.All];

    [Fact]
    public void RouteTable_EveryPage_IsDeclaredInTheMatrix()
    {
        var undeclared = PageRoutes.Templates.Where(t => Lookup(t) is null).ToList();
        Assert.True(undeclared.Count == 0,
            $"以下页面未在访问矩阵中声明谁可以访问，请在 {nameof(AccessMatrixTests)}.{nameof(Expected)} 中补充：{string.Join("、", undeclared)}");
    }

    [Theory]
    [InlineData("/admin/users", "/admin/users")]
    [InlineData("/projects/{id}", "/projects/1")]
    [InlineData("/admin/calendar/{year:int}", "/admin/calendar/2026")]
    [InlineData("/lots/{lotId:guid}/bids", "/lots/00000000-0000-0000-0000-000000000001/bids")]
    [InlineData("/reports/{page:int?}", "/reports/1")]
    [InlineData("/files/{*path}", "/files/1")]
    public void SampleUrl_RouteParameters_GetValuesOfTheirType(string template, string expected) =>
        Assert.Equal(expected, PageRoutes.SampleUrl(template));

    [Theory]
    [MemberData(nameof(Callers))]
    public async Task GetPage_EveryRoutablePage_AllowedOrRefusedAsDeclared(string caller)
    {
        var client = await fixture.ClientForAsync(caller);
        var mismatches = new List<string>();
        foreach (var template in PageRoutes.Templates)
        {
            var url = PageRoutes.SampleUrl(template);
            if (Lookup(template) is not { } access)
            {
                mismatches.Add($"{url}: 未在访问矩阵中声明");
                continue;
            }
            using var response = await client.GetAsync(url);
            var outcome = Outcome.Of(response);
            var allowed = access.Allows(caller == AccessMatrixFixture.Anonymous ? null : caller);
            var expected = allowed ? "允许"
                : caller == AccessMatrixFixture.Anonymous ? "302 → /Account/Login"
                : "302 → /Account/AccessDenied";
            var ok = allowed
                ? !outcome.IsRefusal
                : outcome.Status == HttpStatusCode.Redirect && outcome.IsRefusal
                  && outcome.LocationPath == (caller == AccessMatrixFixture.Anonymous ? LoginPath : AccessDeniedPath);
            if (!ok)
            {
                mismatches.Add($"{url}: 应为 {expected}，实际为 {outcome}");
            }
        }
        Assert.True(mismatches.Count == 0, $"{caller} 的访问权限与矩阵不符：{Environment.NewLine}{string.Join(Environment.NewLine, mismatches)}");
    }

    private static Access? Lookup(string template) =>
        Expected.TryGetValue(template, out var exact)
            ? exact
            : Expected.Where(e => e.Key.EndsWith("/*", StringComparison.Ordinal)
                    && template.StartsWith(e.Key[..^1], StringComparison.OrdinalIgnoreCase))
                .Select(e => e.Value)
                .FirstOrDefault();

    /// <summary>Anyone at all, any signed-in user, or only the listed roles.</summary>
    private sealed record Access(bool Anonymous, IReadOnlySet<string>? Roles)
    {
        public static Access Anyone { get; } = new(true, null);
        public static Access SignedIn { get; } = new(false, null);
        public static Access Only(params string[] roles) => new(false, roles.ToHashSet());

        public bool Allows(string? role) => Anonymous || (role is not null && (Roles is null || Roles.Contains(role)));
    }

    /// <summary>
    /// The authorization middleware's challenge goes to the login page with a ReturnUrl; a page that sends the
    /// user to the login page for its own reasons (no pending two-factor sign-in) does not add one.
    /// </summary>
    private sealed record Outcome(HttpStatusCode Status, string? LocationPath, bool HasReturnUrl)
    {
        public bool IsRefusal => (LocationPath == LoginPath && HasReturnUrl) || LocationPath == AccessDeniedPath
            || Status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden;

        public static Outcome Of(HttpResponseMessage response)
        {
            var location = response.Headers.Location is { } l ? new Uri(new Uri("http://localhost"), l) : null;
            return new(response.StatusCode, location?.AbsolutePath,
                location?.Query.Contains("ReturnUrl=", StringComparison.OrdinalIgnoreCase) == true);
        }

        public override string ToString() => LocationPath is null ? $"{(int)Status}" : $"{(int)Status} → {LocationPath}";
    }
}

/// <summary>One workbench and, per caller, one cookie client signed in once through the real login form.</summary>
public sealed class AccessMatrixFixture : IAsyncDisposable
{
    public const string Anonymous = "anonymous";

    private readonly WorkbenchFactory _factory = new();
    private readonly Dictionary<string, HttpClient> _clients = [];

    public async Task<HttpClient> ClientForAsync(string caller)
    {
        if (!_clients.TryGetValue(caller, out var client))
        {
            client = _factory.CreateCookieClient();
            if (caller != Anonymous)
            {
                var account = DemoAccount.ForRole(caller);
                await HttpLogin.LoginAsync(client, account.Email, account.Password);
            }
            _clients[caller] = client;
        }
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }
        await _factory.DisposeAsync();
    }
}
