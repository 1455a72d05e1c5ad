import { Anchor, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { ClientForm } from '../components/ClientForm';
import { PageHeader } from '../components/PageHeader';
import { useGoBack } from '../navigation';
import { useClient, useUpdateClient } from '../queries';

export function ClientEditScreen() {
  const { id = '' } = useParams();
  const client = useClient(id);
  const update = useUpdateClient();
  const back = useGoBack(`/clients/${id}`);

  if (client.isError) {
    return (
      <Stack gap="sm">
        <Title order={2}>Could not open this client</Title>
        <Text c="dimmed">{client.error.message}</Text>
        <Anchor component={Link} to="/clients">
          Back to clients
        </Anchor>
      </Stack>
    );
  }
  if (!client.data) return null;
  return (
    <>
      <PageHeader title={`Edit ${client.data.name}`} />
      <ClientForm
        // Remount if the loaded client changes identity, so the form never mixes two.
        key={client.data.id}
        client={client.data}
        submitLabel="Save changes"
        onSubmit={async (input) => {
          await update.mutateAsync({ id, input });
          back();
        }}
        onCancel={back}
      />
    </>
  );
}
