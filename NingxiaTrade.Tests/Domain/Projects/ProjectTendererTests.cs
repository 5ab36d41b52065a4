using Microsoft.EntityFrameworkCore;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.MarketEntities;
using NingxiaTrade.Domain.Projects;
using NingxiaTrade.Tests.Support;
using static NingxiaTrade.Tests.Support.ProjectHarness;

namespace NingxiaTrade.Tests.Domain.Projects;

/// <summary>
/// The tenderer of a project is an approved entity of the market-entity registry: a tenderer account registers only for
/// its own entity, a clerk or an agent picks one; the project keeps the entity's id and a snapshot of its name.
/// </summary>
public class ProjectTendererTests
{
    [Fact]
    public async Task Register_TendererPostingAnotherEntity_RefusedAndNothingSaved()
    {
        await using var h = await CreateAsync();
        var form = h.Form(TradeType.EngineeringBidding); // names 银川市市政管理局, not the tenderer's own entity

        var ex = await Assert.ThrowsAsync<AccessDeniedException>(() => h.RegisterAsync(TradeType.EngineeringBidding, asUser: TendererId, form: form));

        Assert.Equal($"招标人账户只能为本单位（{TendererEntityName}）登记项目。", ex.Message);
        await using var db = h.Database.CreateDbContext();
        Assert.Equal(0, await db.TradeProjects.CountAsync());
    }

    [Fact]
    public async Task Register_TendererForOwnEntity_StoresEntityIdAndNameSnapshotAndTendererSeesIt()
    {
        await using var h = await CreateAsync();

        // The form may leave the tenderer empty: a tenderer account's projects are its own entity's.
        var id = await h.RegisterAsync(TradeType.EngineeringBidding, asUser: TendererId, form: h.Form(TradeType.EngineeringBidding) with { TendererEntityId = Guid.Empty });

        var project = await h.ProjectAsync(id);
        Assert.Equal(h.Entities[TendererEntityName], project.TendererEntityId);
        Assert.Equal(TendererEntityName, project.TendererName);
        h.Act(TendererId);
        Assert.Equal(id, Assert.Single((await h.Registration().ListAsync(new ProjectQuery())).Items).Id);
    }

    [Fact]
    public async Task Register_TendererWithoutApprovedEntity_Refused()
    {
        await using var h = await CreateAsync();
        await using (var db = h.Database.CreateDbContext())
        {
            var user = await db.Users.SingleAsync(u => u.Id == TendererId);
            user.MarketEntityId = h.Entities[UnapprovedEntityName];
            await db.SaveChangesAsync();
        }

        var ex = await Assert.ThrowsAsync<DomainException>(() => h.RegisterAsync(TradeType.EngineeringBidding, asUser: TendererId,
            form: h.Form(TradeType.EngineeringBidding) with { TendererEntityId = h.Entities[UnapprovedEntityName] }));

        Assert.Equal($"本单位市场主体“{UnapprovedEntityName}”尚未通过审核，审核通过后才能登记项目。", ex.Message);
    }

    [Fact]
    public async Task Register_ClerkPicksUnapprovedEntity_RefusedOnTheTendererField()
    {
        await using var h = await CreateAsync();

        var ex = await Assert.ThrowsAsync<FormValidationException>(() => h.RegisterAsync(TradeType.EngineeringBidding,
            form: h.Form(TradeType.EngineeringBidding) with { TendererEntityId = h.Entities[UnapprovedEntityName] }));

        var error = Assert.Single(ex.Errors);
        Assert.Equal(nameof(ProjectForm.TendererEntityId), error.Field);
        Assert.Equal("所选招标人不在市场主体库中或尚未通过审核，请重新选择。", error.Message);
    }

    [Fact]
    public async Task Register_AgentForAPickedEntity_StoresThatEntityAndItsTendererAccountSeesTheProject()
    {
        await using var h = await CreateAsync();
        var form = h.Form(TradeType.EngineeringBidding) with { TendererEntityId = h.Entities[TendererEntityName] };

        var id = await h.RegisterAsync(TradeType.EngineeringBidding, asUser: AgentId, form: form);

        var project = await h.ProjectAsync(id);
        Assert.Equal(h.Entities[TendererEntityName], project.TendererEntityId);
        Assert.Equal(AgentId, project.AgentUserId);
        // The tenderer did not register it, yet it is its entity's project.
        h.Act(TendererId);
        Assert.Equal(id, (await h.Registration().GetAsync(id)).Project.Id);
    }

    [Fact]
    public async Task Edit_TendererSwitchingToAnotherEntity_RefusedAndProjectUnchanged()
    {
        await using var h = await CreateAsync();
        var id = await h.RegisterAsync(TradeType.EngineeringBidding, asUser: TendererId);
        var before = await h.ProjectAsync(id);
        h.Act(TendererId);

        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            h.Registration().EditAsync(id, before.Revision, h.Form(TradeType.EngineeringBidding)));

        var after = await h.ProjectAsync(id);
        Assert.Equal((before.TendererEntityId, before.TendererName, before.Revision), (after.TendererEntityId, after.TendererName, after.Revision));
    }

    [Fact]
    public async Task SearchApproved_ByNameOrCode_OffersOnlyApprovedEntities()
    {
        await using var h = await CreateAsync();
        h.Act(YinchuanClerk);
        var directory = new MarketEntityDirectory(h.Database, h.User);

        var found = await directory.SearchApprovedAsync("宁夏");

        Assert.Equal(["宁夏医疗保障局", "宁夏某国有投资公司"], found.Select(e => e.Name).ToArray());
        var byCode = Assert.Single(await directory.SearchApprovedAsync(found[0].CreditCode));
        Assert.Equal(found[0].Id, byCode.Id);
        Assert.Empty(await directory.SearchApprovedAsync(UnapprovedEntityName));
    }

    [Fact]
    public async Task SearchApproved_Bidder_Refused()
    {
        await using var h = await CreateAsync();
        h.Act(BidderId);

        await Assert.ThrowsAsync<AccessDeniedException>(() => new MarketEntityDirectory(h.Database, h.User).SearchApprovedAsync("宁夏"));
    }
}
