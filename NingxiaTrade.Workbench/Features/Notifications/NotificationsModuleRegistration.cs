using NingxiaTrade.Domain.Notifications;
using NingxiaTrade.Domain.Projects;
using NingxiaTrade.Workbench.Features.Notifications;
using NingxiaTrade.Workbench.Features.Shell;
using NingxiaTrade.Workbench.Infrastructure;

// In the implicitly imported namespace of service registration, so Program.cs needs only the call.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers notifications: the notifier every module raises through, the inbox, and the e-mail outbox with its job.</summary>
public static class NotificationsModuleRegistration
{
    public static IServiceCollection AddNotificationsModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddWorkbenchModule<NotificationsModule>();
        services.AddWorkbenchModule<MailOutboxModule>();
        services.AddSingleton(configuration.GetSection("Notifications").Get<NotificationSettings>() ?? new NotificationSettings());
        services.AddSingleton<NotificationSignal>();
        services.AddSingleton<IProjectParticipants, ProjectParticipants>();
        services.AddScoped<INotifier, Notifier>();
        services.AddScoped<NotificationInbox>();
        services.AddSingleton<IMailSender, SmtpMailSender>();
        services.AddScoped<MailOutbox>();
        services.AddHostedService<MailOutboxJob>();
        return services;
    }
}

/// <summary>Once a minute, sends the e-mails that are due (new ones, and retries whose back-off has passed). Idle without SMTP.</summary>
internal sealed class MailOutboxJob(IServiceScopeFactory scopes, ILogger<MailOutboxJob> logger, TimeProvider time) : MinuteJob(scopes, logger, time)
{
    protected override Task<int> RunOnceAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<MailOutbox>().SendDueAsync(cancellationToken);
}
