import { ActionIcon, Code, CopyButton, Group, Paper, SimpleGrid, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import type { ReactNode } from 'react';
import { api } from '../api';
import type { AppInfo } from '../bindings';
import { ComingNext } from '../components/ComingNext';
import { IconCheck, IconCopy } from '../components/icons';
import { PageHeader } from '../components/PageHeader';
import { useAppInfo } from '../queries';
import { AiPanel } from '../settings/AiPanel';
import { DataPanel } from '../settings/DataPanel';
import { PreferencesPanel } from '../settings/PreferencesPanel';
import { PrintingPanel } from '../settings/PrintingPanel';
import { RoomsPanel } from '../settings/RoomsPanel';
import { TrainersPanel } from '../settings/TrainersPanel';
import { UpdatesPanel } from '../settings/UpdatesPanel';

const COMING: { title: string; summary: string }[] = [
  { title: 'Profile and studio colours', summary: 'Your name and the studio’s colours on printed plans and reports.' },
  { title: 'Studio connection', summary: 'Share one client base with the other trainers of your studio.' },
];

export function SettingsScreen() {
  const { data: info } = useAppInfo();
  return (
    <>
      <PageHeader title="Settings" />
      <Stack gap="lg">
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <PreferencesPanel />
          <PrintingPanel />
          <RoomsPanel />
        </SimpleGrid>
        <TrainersPanel />
        <AiPanel />
        {/* The restore file and the export's place come from the system's dialogs, shown by Spotter. */}
        <DataPanel
          pickFile={() => api.dialogOpen('backup')}
          pickExportPath={(suggested) => api.dialogSave('full_export', suggested)}
        />
        <UpdatesPanel />
        {info && <AboutPanel info={info} />}
        <div>
          <Title order={4} mb="sm">
            Coming next
          </Title>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            {COMING.map((c) => (
              <ComingNext key={c.title} title={c.title} summary={c.summary} />
            ))}
          </SimpleGrid>
        </div>
      </Stack>
    </>
  );
}

function AboutPanel({ info }: { info: AppInfo }) {
  return (
    <Paper withBorder p="md">
      <Title order={4} mb="xs">
        This installation
      </Title>
      <Table withRowBorders={false} verticalSpacing={4} highlightOnHover={false}>
        <Table.Tbody>
          <Row label="Version">{info.version}</Row>
          <Row label="Data folder">
            <Path value={info.dataDir} testId="settings-data-dir" />
          </Row>
          <Row label="Database file">
            <Path value={info.databasePath} testId="settings-database-path" />
          </Row>
          <Row label="Log folder">
            <Path value={info.logDir} testId="settings-log-dir" />
          </Row>
          <Row label="Schema version">{info.schemaVersion}</Row>
          {info.preMigrationBackup && (
            <Row label="Pre-upgrade backup">
              <Stack gap={2}>
                <Path value={info.preMigrationBackup} testId="settings-premigration-backup" />
                <Text size="xs" c="dimmed">
                  A copy of your data from before this version upgraded it.
                </Text>
              </Stack>
            </Row>
          )}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Table.Tr>
      <Table.Td w={170} valign="top">
        <Text size="sm" c="dimmed">
          {label}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" component="div">
          {children}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
}

function Path({ value, testId }: { value: string; testId: string }) {
  return (
    <Group gap={6} wrap="nowrap">
      <Code data-testid={testId} style={{ overflowWrap: 'anywhere' }}>
        {value}
      </Code>
      <CopyButton value={value}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? 'Copied' : 'Copy'}>
            <ActionIcon variant="subtle" color="gray" size="sm" onClick={copy} aria-label={`Copy ${value}`}>
              {copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
            </ActionIcon>
          </Tooltip>
        )}
      </CopyButton>
    </Group>
  );
}
