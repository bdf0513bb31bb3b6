using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace Placement.Server;

/// <summary>
/// A request Kestrel gives up on while an endpoint reads its body (a body that trickles in below the
/// minimum rate, a chunked body that is malformed, a body shorter than its Content-Length) is the
/// client's fault: its own 4xx as problem details, never a 500. The detail is fixed per status and
/// never repeats what the client sent.
/// </summary>
internal sealed class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad || bad.StatusCode is < 400 or > 499) return false;
        httpContext.Response.StatusCode = bad.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails =
            {
                Status = bad.StatusCode,
                Detail = bad.StatusCode switch
                {
                    StatusCodes.Status408RequestTimeout => "the request body arrived too slowly; send it in one go",
                    StatusCodes.Status413PayloadTooLarge => "the request body is too large; an assessment is usually about 1 KB",
                    _ => "the request body could not be read: it ended early or its chunked encoding is malformed",
                },
            },
        }).ConfigureAwait(false);
    }
}
