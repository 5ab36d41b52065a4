using NingxiaTrade.Domain.Common;

namespace NingxiaTrade.Domain.Notifications;

public enum OutgoingMailStatus
{
    Pending = 1,
    Sent = 2,
    /// <summary>Given up after the configured number of tries.</summary>
    Failed = 3,
}

public static class OutgoingMailStatusNames
{
    public static string Chinese(this OutgoingMailStatus status) => status switch
    {
        OutgoingMailStatus.Pending => "待发送",
        OutgoingMailStatus.Sent => "已发送",
        OutgoingMailStatus.Failed => "发送失败",
    };
}

/// <summary>
/// One e-mail of the outbox: written with its notification (same transaction), sent later by the outbox job,
/// retried with exponential back-off. <see cref="Revision"/> is a concurrency token: two instances cannot both
/// claim the same message.
/// </summary>
public class OutgoingMail
{
    public const int AddressMax = 256;
    public const int SubjectMax = 200;
    public const int BodyMax = 4000;
    public const int ErrorMax = 1000;

    private OutgoingMail() { }

    internal OutgoingMail(Guid? notificationId, string toAddress, string subject, string body, DateTime nowUtc)
    {
        if (string.IsNullOrWhiteSpace(toAddress) || toAddress.Length > AddressMax)
        {
            throw new DomainException("收件人地址不正确。");
        }
        Id = Guid.NewGuid();
        NotificationId = notificationId;
        ToAddress = toAddress.Trim();
        Subject = subject.Length <= SubjectMax ? subject : subject[..SubjectMax];
        Body = body.Length <= BodyMax ? body : body[..BodyMax];
        CreatedUtc = nowUtc;
        NextAttemptUtc = nowUtc;
        Status = OutgoingMailStatus.Pending;
    }

    public Guid Id { get; private set; }
    public Guid? NotificationId { get; private set; }
    public string ToAddress { get; private set; } = "";
    public string Subject { get; private set; } = "";
    public string Body { get; private set; } = "";
    public DateTime CreatedUtc { get; private set; }
    public OutgoingMailStatus Status { get; private set; }
    /// <summary>Tries started so far (a try that never reported back counts too).</summary>
    public int Attempts { get; private set; }
    /// <summary>Not before this time: the next try, or the end of the current try's lease.</summary>
    public DateTime NextAttemptUtc { get; private set; }
    public string? LastError { get; private set; }
    public DateTime? SentUtc { get; private set; }
    public int Revision { get; private set; }

    /// <summary>Takes the message for one try; until <paramref name="lease"/> has passed nobody else will.</summary>
    internal void Claim(DateTime nowUtc, TimeSpan lease)
    {
        if (Status != OutgoingMailStatus.Pending || NextAttemptUtc > nowUtc)
        {
            throw new DomainException("该邮件当前不能发送。");
        }
        Attempts++;
        NextAttemptUtc = nowUtc + lease;
        Revision++;
    }

    internal void Delivered(DateTime nowUtc)
    {
        Status = OutgoingMailStatus.Sent;
        SentUtc = nowUtc;
        Revision++;
    }

    /// <summary>Records the failure; waits <see cref="MailQueueSettings.RetryDelay"/> or, after the last try, gives up.</summary>
    internal void Undelivered(string error, DateTime nowUtc, MailQueueSettings settings)
    {
        error = error.Trim();
        LastError = error.Length <= ErrorMax ? error : error[..ErrorMax];
        if (Attempts >= settings.MaxAttempts)
        {
            Status = OutgoingMailStatus.Failed;
        }
        else
        {
            NextAttemptUtc = nowUtc + settings.RetryDelay(Attempts);
        }
        Revision++;
    }

    /// <summary>An Admin sends a given-up message again: a fresh round of tries.</summary>
    public void Requeue(DateTime nowUtc)
    {
        if (Status != OutgoingMailStatus.Failed)
        {
            throw new DomainException("只有发送失败的邮件可以重新发送。");
        }
        Status = OutgoingMailStatus.Pending;
        Attempts = 0;
        NextAttemptUtc = nowUtc;
        Revision++;
    }
}
