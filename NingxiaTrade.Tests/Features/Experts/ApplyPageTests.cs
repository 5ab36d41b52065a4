using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Experts;
using NingxiaTrade.Domain.MarketEntities;
using NingxiaTrade.Tests.Support;
using NingxiaTrade.Workbench.Features.Experts.Mine;

namespace NingxiaTrade.Tests.Features.Experts;

/// <summary>The expert's application form over the real pool on SQLite: every wrong field at once, nothing saved.</summary>
public sealed class ApplyPageTests : BunitContext, IAsyncLifetime
{
    private const string ExpertUserId = "expert-user";
    private readonly TestDatabase _database = new();

    public ApplyPageTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton(new ExpertPool(_database, _database.User, _database.Time, new MarketEntityDirectory(_database, _database.User)));
    }

    public async ValueTask InitializeAsync()
    {
        await using var db = _database.CreateDbContext();
        await ExpertPool.SeedSpecialtiesAsync(db);
        db.Users.Add(new ApplicationUser { Id = ExpertUserId, UserName = "expert@test.cn", Email = "expert@test.cn", DisplayName = "专家" });
        await db.SaveChangesAsync();
        _database.User.As(Roles.Expert, "expert@test.cn");
        _database.User.UserId = ExpertUserId;
        Render<MudPopoverProvider>();
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task ApplyPage_EmptyFormSubmitted_EveryFieldMarkedAtOnceAndNothingSaved()
    {
        var page = Render<ApplyPage>();
        page.WaitForState(() => page.FindAll("#expert-application").Count > 0);

        page.Find("#expert-application").Submit();

        page.WaitForState(() => page.FindAll("#expert-application-errors li").Count > 0);
        var summary = page.FindAll("#expert-application-errors li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(["专家姓名应为2至50个字符。", "身份证号码不能为空。", "请填写职称（2至50个字符）。", "请填写工作单位（2至200个字符）。", "至少选择一个评标专业。"], summary);
        var helpers = page.FindAll(".mud-input-helper-text.mud-input-error").Select(h => h.TextContent).ToList();
        foreach (var message in summary)
        {
            Assert.Contains(helpers, h => h.Contains(message, StringComparison.Ordinal));
        }
        await using var db = _database.CreateDbContext();
        Assert.Equal(0, await db.Experts.CountAsync());
        Assert.Null(await db.Users.Where(u => u.Id == ExpertUserId).Select(u => u.ExpertId).SingleAsync());
    }

    [Fact]
    public void Check_SeveralBadFields_ReportsEveryOneByItsField()
    {
        var errors = Expert.Check(new ExpertProfile("张", "123", "", "某", null, Regions.Ningxia, []));

        Assert.Equal(["Name", "IdNumber", "Title", "EmployerName", "RegionCode", "SpecialtyCodes"], errors.Select(e => e.Field));
    }

    [Fact]
    public async Task ApplyAsync_SeveralBadFields_RefusedWithEveryErrorAndNothingSaved()
    {
        var pool = Services.GetRequiredService<ExpertPool>();

        var refusal = await Assert.ThrowsAsync<FormValidationException>(() =>
            pool.ApplyAsync(new ExpertProfile("", "", "", "", null, "640100", [])));

        Assert.Equal(5, refusal.Errors.Count);
        await using var db = _database.CreateDbContext();
        Assert.Equal(0, await db.Experts.CountAsync());
    }
}
