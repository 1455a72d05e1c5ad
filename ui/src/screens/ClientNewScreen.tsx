// Adding a client: the form on a page of its own; saved, the new client's page replaces it.
import { useNavigate } from 'react-router';
import { ClientForm } from '../components/ClientForm';
import { PageHeader } from '../components/PageHeader';
import { useGoBack } from '../navigation';
import { useCreateClient } from '../queries';

export function ClientNewScreen() {
  const navigate = useNavigate();
  const create = useCreateClient();
  const cancel = useGoBack('/clients');
  return (
    <>
      <PageHeader title="New client" />
      <ClientForm
        submitLabel="Create client"
        onSubmit={async (input) => {
          const client = await create.mutateAsync(input);
          // Replace the form in history: Back from the new client goes to the list.
          navigate(`/clients/${client.id}`, { replace: true });
          // The form was scrolled down to its button: the new client's page opens at its top.
          window.scrollTo({ top: 0 });
        }}
        onCancel={cancel}
      />
    </>
  );
}
