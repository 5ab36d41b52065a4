using Microsoft.EntityFrameworkCore;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Data;

namespace NingxiaTrade.Domain.Organisations;

public sealed record CentreForm(string RegionCode, string Name, string? Address, string? Phone);

public sealed record DepartmentForm(string ShortName, string Name, string RegionCode, IReadOnlyList<TradeType> Types);

/// <summary>The Admin's maintenance of trading centres and supervising departments. Reading is open to every signed-in role.</summary>
public sealed class OrganisationAdministration(IDbContextFactory<TradeDbContext> contexts, ICurrentUser currentUser)
{
    public async Task<IReadOnlyList<TradingCentre>> CentresAsync(bool activeOnly = false, CancellationToken cancellationToken = default)
    {
        currentUser.Demand(Roles.All.ToArray());
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.TradingCentres.AsNoTracking().Where(c => !activeOnly || c.IsActive).OrderBy(c => c.RegionCode).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<SupervisingDepartment>> DepartmentsAsync(bool activeOnly = false, CancellationToken cancellationToken = default)
    {
        currentUser.Demand(Roles.All.ToArray());
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.SupervisingDepartments.AsNoTracking().Where(d => !activeOnly || d.IsActive).OrderBy(d => d.Id).ToListAsync(cancellationToken);
    }

    public async Task<int> SaveCentreAsync(int? id, CentreForm form, CancellationToken cancellationToken = default)
    {
        currentUser.Demand(Roles.Admin);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var name = form.Name?.Trim() ?? "";
        if (await db.TradingCentres.AnyAsync(c => c.Id != id && c.RegionCode == form.RegionCode, cancellationToken))
        {
            throw new DomainException($"{Regions.NameOf(form.RegionCode)}已有交易中心，每个行政区划只设一个交易中心。");
        }
        if (await db.TradingCentres.AnyAsync(c => c.Id != id && c.Name == name, cancellationToken))
        {
            throw new DomainException($"名称“{name}”已被其他交易中心使用。");
        }
        if (form.Phone is { Length: > 0 } phone && !System.Text.RegularExpressions.Regex.IsMatch(phone, @"^[0-9\-+() ]{7,30}$"))
        {
            throw new DomainException("联系电话格式不正确（只能包含数字、空格和 -+()，7至30位）。");
        }
        TradingCentre centre;
        if (id is { } existing)
        {
            centre = await db.TradingCentres.FirstOrDefaultAsync(c => c.Id == existing, cancellationToken)
                ?? throw new DomainException("交易中心不存在。");
            centre.Rename(name);
            centre.SetRegion(form.RegionCode);
        }
        else
        {
            centre = new TradingCentre(form.RegionCode, name);
            db.TradingCentres.Add(centre);
        }
        centre.Address = string.IsNullOrWhiteSpace(form.Address) ? null : form.Address.Trim();
        centre.Phone = string.IsNullOrWhiteSpace(form.Phone) ? null : form.Phone.Trim();
        await db.SaveChangesAsync(cancellationToken);
        return centre.Id;
    }

    public async Task<int> SaveDepartmentAsync(int? id, DepartmentForm form, CancellationToken cancellationToken = default)
    {
        currentUser.Demand(Roles.Admin);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var name = form.Name?.Trim() ?? "";
        if (await db.SupervisingDepartments.AnyAsync(d => d.Id != id && d.Name == name, cancellationToken))
        {
            throw new DomainException($"名称“{name}”已被其他部门使用。");
        }
        SupervisingDepartment department;
        if (id is { } existing)
        {
            department = await db.SupervisingDepartments.FirstOrDefaultAsync(d => d.Id == existing, cancellationToken)
                ?? throw new DomainException("部门不存在。");
            department.Rename(form.ShortName, name);
            department.SetSupervisedTypes(form.Types);
        }
        else
        {
            department = new SupervisingDepartment(form.ShortName, name, form.RegionCode, form.Types);
            db.SupervisingDepartments.Add(department);
        }
        await db.SaveChangesAsync(cancellationToken);
        return department.Id;
    }

    public async Task SetCentreActiveAsync(int id, bool active, CancellationToken cancellationToken = default)
    {
        currentUser.Demand(Roles.Admin);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var centre = await db.TradingCentres.FirstOrDefaultAsync(c => c.Id == id, cancellationToken) ?? throw new DomainException("交易中心不存在。");
        if (!active && centre.IsRegional)
        {
            throw new DomainException("自治区公共资源交易中心不能停用。");
        }
        if (active) { centre.Activate(); } else { centre.Deactivate(); }
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task SetDepartmentActiveAsync(int id, bool active, CancellationToken cancellationToken = default)
    {
        currentUser.Demand(Roles.Admin);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var department = await db.SupervisingDepartments.FirstOrDefaultAsync(d => d.Id == id, cancellationToken) ?? throw new DomainException("部门不存在。");
        if (active) { department.Activate(); } else { department.Deactivate(); }
        await db.SaveChangesAsync(cancellationToken);
    }
}
