using Microsoft.AspNetCore.Identity;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Common;

namespace NingxiaTrade.Domain.MarketEntities;

/// <summary>The self sign-up form of a market entity's account.</summary>
public sealed record EntityAccountForm(string Email, string DisplayName, string Role, string Password);

/// <summary>
/// 市场主体注册: a bidder, tenderer or agent opens its own account on the portal, then registers its entity once
/// (实施方案 四(三)2). No other role can be chosen here; those accounts are created by an administrator.
/// </summary>
public sealed class EntityAccountSignUp(UserManager<ApplicationUser> users, TimeProvider time)
{
    public static readonly IReadOnlyList<string> EntityRoles = [Roles.Bidder, Roles.Tenderer, Roles.Agent];

    /// <exception cref="DomainException">Not an entity role, a malformed or taken e-mail, or a password Identity refuses.</exception>
    public async Task<ApplicationUser> SignUpAsync(EntityAccountForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!EntityRoles.Contains(form.Role))
        {
            throw new DomainException("只能注册投标人/供应商、招标人/采购人或招标代理机构账户。");
        }
        var email = form.Email?.Trim() ?? "";
        if (!System.Net.Mail.MailAddress.TryCreate(email, out var parsed) || parsed.Address != email)
        {
            throw new DomainException("电子邮箱格式不正确。");
        }
        var name = form.DisplayName?.Trim() ?? "";
        if (name.Length is < 2 or > 50)
        {
            throw new DomainException("联系人姓名应为2至50个字符。");
        }
        if (await users.FindByEmailAsync(email) is not null)
        {
            throw new DomainException("该电子邮箱已注册，请直接登录。");
        }
        var user = new ApplicationUser
        {
            UserName = email,
            Email = email,
            // No mail server on the government network: the account is usable at once; the entity is reviewed later.
            EmailConfirmed = true,
            LockoutEnabled = true,
            DisplayName = name,
            CreatedUtc = time.GetUtcNow().UtcDateTime,
        };
        Check(await users.CreateAsync(user, form.Password ?? ""));
        Check(await users.AddToRoleAsync(user, form.Role));
        return user;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new DomainException(string.Join("；", result.Errors.Select(e => e.Description)));
        }
    }
}
