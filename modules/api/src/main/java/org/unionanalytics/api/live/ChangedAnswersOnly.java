package org.unionanalytics.api.live;

import graphql.ExecutionResult;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A subscription sends an answer only when it differs from the one sent before: the read model
 * moving on for other tables' sake is no news to a dashboard.
 */
public final class ChangedAnswersOnly extends SimplePerformantInstrumentation {

    @Override
    @SuppressWarnings("unchecked")
    public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
            InstrumentationExecutionParameters parameters, InstrumentationState state) {
        if (result.getData() instanceof Publisher<?> answers) {
            return CompletableFuture.completedFuture(result.transform(
                    changed -> changed.data(new Changes((Publisher<ExecutionResult>) answers))));
        }
        return CompletableFuture.completedFuture(result);
    }

    private record Changes(Publisher<ExecutionResult> answers) implements Publisher<ExecutionResult> {

        @Override
        public void subscribe(Subscriber<? super ExecutionResult> downstream) {
            answers.subscribe(new Subscriber<ExecutionResult>() {
                private Subscription subscription;
                private Map<String, Object> last;

                @Override
                public void onSubscribe(Subscription subscription) {
                    this.subscription = subscription;
                    downstream.onSubscribe(subscription);
                }

                @Override
                public void onNext(ExecutionResult answer) {
                    Map<String, Object> sent = answer.toSpecification();
                    if (sent.equals(last)) {
                        subscription.request(1); // the client asked for one; this was not it
                        return;
                    }
                    last = sent;
                    downstream.onNext(answer);
                }

                @Override
                public void onError(Throwable failure) {
                    downstream.onError(failure);
                }

                @Override
                public void onComplete() {
                    downstream.onComplete();
                }
            });
        }
    }
}
