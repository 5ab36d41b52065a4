using Microsoft.AspNetCore.Identity;
using NingxiaTrade.Domain.Accounts;

namespace NingxiaTrade.Workbench.Components.Account;

internal static class AccountSignIn
{
    /// <summary>Stamps the last sign-in time shown to administrators, whichever way the person signed in.</summary>
    public static async Task RecordSignInAsync(this UserManager<ApplicationUser> users, ApplicationUser? user, TimeProvider time)
    {
        if (user is not null)
        {
            user.LastSignInUtc = time.GetUtcNow().UtcDateTime;
            await users.UpdateAsync(user);
        }
    }
}
