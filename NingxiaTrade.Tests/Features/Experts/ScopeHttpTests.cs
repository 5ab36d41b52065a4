using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Data;
using NingxiaTrade.Domain.Experts;
using NingxiaTrade.Domain.Projects;
using NingxiaTrade.Tests.Support;

namespace NingxiaTrade.Tests.Features.Experts;

/// <summary>
/// Issue 9 item 1 over HTTP, on the demo data: the 吴忠 clerk asks for the fee sheet of a draw for a 银川 lot and for a
/// template filled with a 银川 project; both answer 404 with nothing of the project in the body, as for an unknown id.
/// </summary>
public sealed class ScopeHttpTests(WorkbenchFactory factory) : IClassFixture<WorkbenchFactory>
{
    private const string WuzhongClerk = "clerk.wz@demo.nxggzy.cn";
    private const string YinchuanProject = "银川市兴庆区某小学教学楼新建工程";

    private async Task<AppScope> ScopeOfAsync(string email)
    {
        var account = DemoAccount.ForEmail(email);
        await using var lookup = factory.Services.CreateAsyncScope();
        var user = await lookup.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(account.Email);
        return new AppScope(factory, account.Role, account.Email, user!.Id);
    }

    private async Task<HttpClient> ClientOfAsync(string email)
    {
        var client = factory.CreateCookieClient();
        var account = DemoAccount.ForEmail(email);
        await HttpLogin.LoginAsync(client, account.Email, account.Password);
        return client;
    }

    private async Task<(Guid ProjectId, Guid LotId, DateTime Deadline)> YinchuanLotAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<TradeDbContext>>().CreateDbContextAsync();
        var project = await db.TradeProjects.AsNoTracking().Include(p => p.Lots).SingleAsync(p => p.Name == YinchuanProject);
        return (project.Id, project.Lots.OrderBy(l => l.Number).Last().Id, project.BidDeadlineUtc!.Value);
    }

    [Fact]
    public async Task FeeSheet_WuzhongClerkOnYinchuanDraw_NotFoundAndNotRecorded()
    {
        var (_, lotId, deadline) = await YinchuanLotAsync();
        Guid drawId;
        await using (var yinchuan = await ScopeOfAsync(DemoAccount.ForRole(Roles.CentreClerk).Email))
        {
            var start = deadline.AddDays(2);
            drawId = await yinchuan.Get<ExpertDrawService>().DrawAsync(new DrawRequest(lotId, [new DrawGroupRequest("A08", 5, 0)], start, start.AddHours(6),
                "银川市公共资源交易中心评标室1", false, [], RecusalSettings.AllOn, DateTime.UtcNow.AddHours(12)));
        }

        using var wuzhong = await ClientOfAsync(WuzhongClerk);
        using var refused = await wuzhong.GetAsync($"/experts/draws/{drawId}/fees.xlsx");
        using var unknown = await wuzhong.GetAsync($"/experts/draws/{Guid.NewGuid()}/fees.xlsx");

        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var body = await refused.Content.ReadAsStringAsync();
        Assert.Contains("未找到该抽取记录", body);
        Assert.DoesNotContain(YinchuanProject, body);

        using var owner = await ClientOfAsync(DemoAccount.ForRole(Roles.CentreClerk).Email);
        using var allowed = await owner.GetAsync($"/experts/draws/{drawId}/fees.xlsx");
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);

        await using var scope = factory.Services.CreateAsyncScope();
        var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<TradeDbContext>>().CreateDbContextAsync();
        var views = await db.ExpertDrawViews.AsNoTracking().Where(v => v.DrawId == drawId).ToListAsync();
        Assert.Equal(ExpertSessionService.FeeSheetPurpose, Assert.Single(views).Purpose);
    }

    [Fact]
    public async Task TemplateFill_WuzhongClerkAndLegalOfficerOnYinchuanProject_NotFound()
    {
        var (projectId, _, _) = await YinchuanLotAsync();
        Guid templateId;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<TradeDbContext>>().CreateDbContextAsync();
            templateId = await db.DocumentTemplates.AsNoTracking().Select(t => t.Id).FirstAsync();
        }
        var path = $"/rules/templates/{templateId}/fill/{projectId}.docx";

        using var wuzhong = await ClientOfAsync(WuzhongClerk);
        using var refused = await wuzhong.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.DoesNotContain(YinchuanProject, await refused.Content.ReadAsStringAsync());

        using var legal = await ClientOfAsync(DemoAccount.ForRole(Roles.LegalOfficer).Email);
        using var legalRefused = await legal.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, legalRefused.StatusCode);

        using var owner = await ClientOfAsync(DemoAccount.ForRole(Roles.CentreClerk).Email);
        using var filled = await owner.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, filled.StatusCode);
    }
}
