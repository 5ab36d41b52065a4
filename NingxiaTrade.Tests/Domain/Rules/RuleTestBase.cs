using Microsoft.EntityFrameworkCore;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Organisations;
using NingxiaTrade.Domain.Rules;
using NingxiaTrade.Tests.Support;

namespace NingxiaTrade.Tests.Domain.Rules;

/// <summary>
/// A fresh SQLite database with the reference data and three accounts: a supervisor of 住房城乡建设厅, one of 财政厅,
/// and a legal officer of 司法厅. <see cref="As"/> switches the current user.
/// </summary>
public abstract class RuleTestBase : IAsyncLifetime
{
    protected const string Housing = "sup-housing";
    protected const string Finance = "sup-finance";
    protected const string Legal = "legal";

    protected TestDatabase Database { get; } = new();

    protected RuleInventory Inventory => new(Database, Database.User, Database.Time);
    protected RuleCatalogue Catalogue => new(Database, Database.User, Database.Time);
    protected PublicConsultation Consultation => new(Database, Database.User, Database.Time);

    public async ValueTask InitializeAsync()
    {
        await using var db = Database.CreateDbContext();
        await ReferenceData.SeedAsync(db);
        var departments = await db.SupervisingDepartments.ToDictionaryAsync(d => d.ShortName, d => d.Id);
        db.Users.AddRange(
            User(Housing, departments["住房城乡建设厅"]),
            User(Finance, departments["财政厅"]),
            User(Legal, departments["司法厅"]));
        await db.SaveChangesAsync();
    }

    public ValueTask DisposeAsync() => Database.DisposeAsync();

    private static ApplicationUser User(string id, int department) => new()
    {
        Id = id,
        UserName = id + "@test.cn",
        Email = id + "@test.cn",
        SupervisingDepartmentId = department,
    };

    /// <summary>Acts as one of the three accounts (its role follows from the id).</summary>
    protected void As(string userId)
    {
        var role = userId == Legal ? Roles.LegalOfficer : Roles.Supervisor;
        Database.User.As(role, userId + "@test.cn");
        Database.User.UserId = userId;
    }

    protected static DateOnly D(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd");

    protected static RuleForm Form(string title, string? number = null, DateOnly? effective = null, DateOnly? expires = null,
        RuleLevel level = RuleLevel.NormativeDocument, bool temporary = false, string? fullText = FullText, string? attachment = null) =>
        new(title, number, "宁夏回族自治区住房和城乡建设厅", level, [TradeType.EngineeringBidding], null, effective, expires, temporary, fullText, attachment);

    /// <summary>What the legal office reads: every submission carries a full text or an attachment.</summary>
    protected const string FullText = "第一条 为规范公共资源交易活动，根据有关法律法规，结合本自治区实际，制定本办法。";

    protected static RuleSubmission Keep => new(RuleProposal.Keep, RuleProblem.None, "符合上位法，继续有效。");

    /// <summary>Entered and submitted by <paramref name="department"/>, passed by the legal office; the user stays the legal officer.</summary>
    protected async Task<Guid> PassedRuleAsync(string title, DateOnly? effective = null, DateOnly? expires = null, string department = Housing, RuleSubmission? submission = null)
    {
        As(department);
        var id = await Inventory.CreateAsync(Form(title, effective: effective, expires: expires), submission ?? Keep);
        As(Legal);
        await Inventory.DecideAsync(id, LegalityDecision.Pass, "经审核，符合法律法规规定。", null);
        return id;
    }

    protected void SetToday(string date) =>
        Database.Time.SetUtcNow(ChinaTime.StartOfDayUtc(D(date)).AddHours(10));
}
