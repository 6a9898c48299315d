-- The reconcile asks, per page of candidacies, which ones a webhook delivery is still bringing in.
-- CreateIndex
CREATE INDEX "WebhookDelivery_connectionId_externalCandidateId_idx" ON "WebhookDelivery"("connectionId", "externalCandidateId");
